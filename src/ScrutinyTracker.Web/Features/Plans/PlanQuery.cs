using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>
/// Reads a review's action plan in four queries, whatever its size, with what may be deleted: an item
/// none of whose actions holds progress (<see cref="PlanDeletion.HoldsProgress"/>).
/// </summary>
public sealed class PlanQuery(ScrutinyDbContext db)
{
    public async Task<PlanView?> LoadAsync(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new { r.Id, r.Title, r.ActionPlanAgreed, r.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == reviewId)
            .OrderBy(r => r.Position)
            .Select(r => new
            {
                r.Id,
                r.Number,
                r.Text,
                Standing = new Reports.RecommendationStanding(
                    r.ExecutiveResponse == null ? (ExecutiveDecision?)null : r.ExecutiveResponse.Decision,
                    r.ExecutiveResponse!.DecidedOn,
                    r.ExecutiveResponse.Text,
                    r.MonitoringClosedOn,
                    r.MonitoringClosedReason),
            })
            .ToListAsync(cancellationToken);
        var parts = await db.RecommendationParts.AsNoTracking()
            .Where(p => p.Recommendation!.ReviewId == reviewId)
            .OrderBy(p => p.Position)
            .Select(p => new { p.Id, p.RecommendationId, p.Letter, p.Text })
            .ToListAsync(cancellationToken);
        var holdsProgress = PlanDeletion.HoldsProgress;
        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => a.Recommendation!.ReviewId == reviewId)
            .OrderBy(a => a.Position)
            .Select(a => new
            {
                a.RecommendationId,
                a.PartId,
                Column = new PlanColumn(a.Id, a.Heading, a.Responsibility, a.TargetDate, a.AgreedAction, a.SuccessMeasure)
                {
                    CanDelete = !a.Updates.AsQueryable().Any(holdsProgress),
                },
            })
            .ToListAsync(cancellationToken);

        var actionsOfRecommendation = actions.Where(a => a.PartId is null).ToLookup(a => a.RecommendationId, a => a.Column);
        var actionsOfPart = actions.Where(a => a.PartId is not null).ToLookup(a => a.PartId!.Value, a => a.Column);
        var undeletable = actions.Where(a => !a.Column.CanDelete).ToList();
        var partsOf = parts.ToLookup(p => p.RecommendationId, p => new PlanPart(p.Id, p.Letter, p.Text, actionsOfPart[p.Id].ToList())
        {
            CanDelete = !undeletable.Any(a => a.PartId == p.Id),
        });

        return new PlanView(
            review.Id,
            review.Title,
            review.ActionPlanAgreed,
            review.Status,
            recommendations.Select(r => new PlanRecommendation(r.Id, r.Number, r.Text, actionsOfRecommendation[r.Id].ToList(), partsOf[r.Id].ToList())
            {
                CanDelete = !undeletable.Any(a => a.RecommendationId == r.Id),
                Standing = r.Standing,
            }).ToList());
    }
}
