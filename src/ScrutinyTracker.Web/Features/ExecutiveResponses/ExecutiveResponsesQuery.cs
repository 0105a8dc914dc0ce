using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.ExecutiveResponses;

/// <summary>Two queries, whatever the number of recommendations.</summary>
public sealed class ExecutiveResponsesQuery(ScrutinyDbContext db, TimeProvider clock)
{
    public async Task<ExecutiveResponsesView?> LoadAsync(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new { r.Title, r.ReportToExecutive, Locked = r.Status == ReviewStatus.Completed || r.MonitoringClosedOn != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == reviewId)
            .OrderBy(r => r.Position).ThenBy(r => r.Number)
            .Select(r => new RecommendationResponse(
                r.Id,
                r.Number,
                r.Text,
                r.ExecutiveResponse == null ? (ExecutiveDecision?)null : r.ExecutiveResponse.Decision,
                r.ExecutiveResponse!.Text,
                r.ExecutiveResponse!.DecidedOn,
                r.ExecutiveResponse != null,
                r.ExecutiveResponse!.RecordedBy!.DisplayName,
                r.ExecutiveResponse == null ? Guid.Empty : r.ExecutiveResponse.Version,
                r.Actions.Any(a => a.Updates.Any())))
            .ToListAsync(cancellationToken);

        var awaited = recommendations.Any(r => !r.IsRecorded);
        return new ExecutiveResponsesView(
            reviewId,
            review.Title,
            review.ReportToExecutive,
            awaited && review.ReportToExecutive is { } sent ? Monitoring.ExecutiveResponseDue(sent) : null,
            Infrastructure.UkTime.Today(clock),
            review.Locked,
            recommendations);
    }
}
