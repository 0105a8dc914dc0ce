using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Plans;

public enum MoveDirection
{
    Earlier,
    Later,
}

/// <summary>
/// Keeps the plan in order: recommendations numbered 1, 2, 3… and parts lettered a, b, c… as they
/// come, actions in their columns. Numbers and letters are unique (database indexes). EF Core orders
/// the updates so that a row takes a number only after its holder has left it; two rows that swap
/// numbers it cannot order, so the moved row first steps aside to the next free number, in the same
/// transaction (the audit trail shows that step too).
/// </summary>
public sealed class PlanOrder(ScrutinyDbContext db)
{
    /// <summary>Swaps a recommendation with its neighbour; false when there is none that way.</summary>
    public Task<bool> MoveRecommendationAsync(int reviewId, int recommendationId, MoveDirection direction, CancellationToken cancellationToken) =>
        // Loaded inside the unit of work: a retry after a transient failure starts it again from the database.
        db.InTransactionAsync(async () =>
        {
            var siblings = await db.Recommendations.Where(r => r.ReviewId == reviewId).OrderBy(r => r.Position).ToListAsync(cancellationToken);
            if (Swap(siblings, r => r.Id == recommendationId, direction) is not { } moved)
            {
                return false;
            }

            moved.Number = siblings.Count + 1;
            await db.SaveChangesAsync(cancellationToken);
            await SaveRecommendationsAsync(siblings, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> MovePartAsync(int recommendationId, int partId, MoveDirection direction, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var siblings = await db.RecommendationParts.Where(p => p.RecommendationId == recommendationId).OrderBy(p => p.Position).ToListAsync(cancellationToken);
            if (Swap(siblings, p => p.Id == partId, direction) is not { } moved)
            {
                return false;
            }

            moved.Letter = RecommendationPart.LetterFor(siblings.Count);
            await db.SaveChangesAsync(cancellationToken);
            await SavePartsAsync(siblings, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Moves an action among the columns of its recommendation, or of its part.</summary>
    public async Task<bool> MoveActionAsync(PlanAction action, MoveDirection direction, CancellationToken cancellationToken)
    {
        var siblings = await db.PlanActions
            .Where(a => a.RecommendationId == action.RecommendationId && a.PartId == action.PartId)
            .OrderBy(a => a.Position)
            .ToListAsync(cancellationToken);
        if (Swap(siblings, a => a.Id == action.Id, direction) is null)
        {
            return false;
        }

        await SaveActionsAsync(siblings, cancellationToken);
        return true;
    }

    /// <summary>Numbers the recommendations 1, 2, 3… in the given order and saves.</summary>
    public Task SaveRecommendationsAsync(IReadOnlyList<Recommendation> ordered, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
            ordered[i].Number = i + 1;
        }

        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Letters the parts a, b, c… in the given order and saves.</summary>
    public Task SavePartsAsync(IReadOnlyList<RecommendationPart> ordered, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
            ordered[i].Letter = RecommendationPart.LetterFor(i);
        }

        return db.SaveChangesAsync(cancellationToken);
    }

    public Task SaveActionsAsync(IReadOnlyList<PlanAction> ordered, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }

        return db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Swaps the item with its neighbour in the list; returns the moved item, or null when it has no neighbour that way.</summary>
    private static T? Swap<T>(List<T> siblings, Predicate<T> isMoved, MoveDirection direction)
        where T : class
    {
        var index = siblings.FindIndex(isMoved);
        var other = direction == MoveDirection.Earlier ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= siblings.Count)
        {
            return null;
        }

        var moved = siblings[index];
        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        return moved;
    }
}
