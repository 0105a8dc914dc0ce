using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// Reads the report of a review for a round (the latest when none is chosen), in a fixed number of
/// queries. Callers check <see cref="Infrastructure.Security.ReviewAccess"/> and decide with
/// <see cref="ReportDrafts"/> whether drafts may be included.
/// </summary>
public sealed class ReportQuery(ScrutinyDbContext db, ReportPlanQuery plan)
{
    /// <returns>Null when the review does not exist or the round is not one of its rounds.</returns>
    public async Task<ReportView?> LoadAsync(int reviewId, int? roundId, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.Title,
                SelectCommittee = r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                LinkOfficers = r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.ReviewId == reviewId)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Select(r => new ReportRound(r.Id, r.Label, r.DueDate, r.Status))
            .ToListAsync(cancellationToken);
        var index = roundId is { } chosen ? rounds.FindIndex(r => r.Id == chosen) : rounds.Count - 1;
        if (roundId is not null && index < 0)
        {
            return null;
        }

        var round = index >= 0 ? rounds[index] : null;
        var previous = index >= 1 ? rounds[index - 1] : null;
        var recommendations = await plan.LoadAsync(reviewId, cancellationToken);
        var updates = await UpdatesAsync([.. new[] { round, previous }.OfType<ReportRound>().Select(r => r.Id)], includeDrafts, cancellationToken);

        return new ReportView(
            reviewId,
            review.Title,
            review.SelectCommittee,
            review.ActionPlanAgreed,
            review.LinkOfficers,
            rounds,
            round,
            previous,
            includeDrafts,
            recommendations,
            updates.Where(u => u.RoundId == round?.Id)
                .ToDictionary(u => u.PlanActionId, u => new ReportUpdate(u.Evidence, u.Grade, u.Explanation, u.Status)),
            updates.Where(u => u.RoundId == previous?.Id && u.Grade is not null)
                .ToDictionary(u => u.PlanActionId, u => u.Grade!.Value));
    }

    /// <summary>The updates of the chosen round and the one before, in one query (even when there is neither).</summary>
    private Task<List<UpdateRow>> UpdatesAsync(List<int> roundIds, bool includeDrafts, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => roundIds.Contains(u.RoundId) && (includeDrafts || u.Status == UpdateStatus.Accepted))
            .Select(u => new UpdateRow(u.PlanActionId, u.RoundId, u.Evidence, u.Grade, u.Explanation, u.Status))
            .ToListAsync(cancellationToken);

    private sealed record UpdateRow(int PlanActionId, int RoundId, string Evidence, Grade? Grade, string? Explanation, UpdateStatus Status);
}
