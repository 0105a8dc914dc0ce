using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>
/// Deletes recommendations, parts and actions, and keeps the rest of the plan numbered. Nothing on
/// which progress has been reported may be deleted: the review is completed instead. An untouched
/// draft, made for an action when a round opened, is not progress and goes with its action.
/// </summary>
public sealed class PlanDeletion(ScrutinyDbContext db, PlanOrder order)
{
    /// <summary>Progress was reported on an update: anything but an untouched draft. Such an action cannot be deleted.</summary>
    public static readonly Expression<Func<ProgressUpdate, bool>> HoldsProgress = u =>
        u.Status != UpdateStatus.Draft || u.Evidence != "" || u.Grade != null || (u.Explanation != null && u.Explanation != "");

    private static readonly Func<ProgressUpdate, bool> HoldsProgressInMemory = HoldsProgress.Compile();

    public Task<bool> HasProgressAsync(Expression<Func<PlanAction, bool>> actions, CancellationToken cancellationToken) =>
        db.PlanActions.Where(actions).SelectMany(a => a.Updates).AnyAsync(HoldsProgress, cancellationToken);

    public Task DeleteRecommendationAsync(Recommendation recommendation, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await RemoveActionsAsync(a => a.RecommendationId == recommendation.Id, cancellationToken);
            db.RecommendationParts.RemoveRange(await db.RecommendationParts.Where(p => p.RecommendationId == recommendation.Id).ToListAsync(cancellationToken));
            db.Recommendations.Remove(recommendation);
            await db.SaveChangesAsync(cancellationToken);

            var rest = await db.Recommendations.Where(r => r.ReviewId == recommendation.ReviewId).OrderBy(r => r.Position).ToListAsync(cancellationToken);
            await order.SaveRecommendationsAsync(rest, cancellationToken);
        }, cancellationToken);

    public Task DeletePartAsync(RecommendationPart part, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await RemoveActionsAsync(a => a.PartId == part.Id, cancellationToken);
            db.RecommendationParts.Remove(part);
            await db.SaveChangesAsync(cancellationToken);

            var rest = await db.RecommendationParts.Where(p => p.RecommendationId == part.RecommendationId).OrderBy(p => p.Position).ToListAsync(cancellationToken);
            await order.SavePartsAsync(rest, cancellationToken);
        }, cancellationToken);

    public Task DeleteActionAsync(PlanAction action, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await RemoveActionsAsync(a => a.Id == action.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var rest = await db.PlanActions
                .Where(a => a.RecommendationId == action.RecommendationId && a.PartId == action.PartId)
                .OrderBy(a => a.Position)
                .ToListAsync(cancellationToken);
            await order.SaveActionsAsync(rest, cancellationToken);
        }, cancellationToken);

    private async Task RemoveActionsAsync(Expression<Func<PlanAction, bool>> actions, CancellationToken cancellationToken)
    {
        var doomed = await db.PlanActions.Where(actions).Include(a => a.Updates).ToListAsync(cancellationToken);
        // Checked again here, inside the transaction: a link officer may have saved evidence since the
        // caller's check. Their update's version also guards the delete against a save from now on.
        if (doomed.SelectMany(a => a.Updates).Any(HoldsProgressInMemory))
        {
            throw new DbUpdateConcurrencyException("Progress was reported on this part of the plan while it was being deleted.");
        }

        db.ProgressUpdates.RemoveRange(doomed.SelectMany(a => a.Updates));
        db.PlanActions.RemoveRange(doomed);
    }
}
