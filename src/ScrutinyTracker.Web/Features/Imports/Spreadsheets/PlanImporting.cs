using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

public enum PlanImportResult
{
    Imported,

    /// <summary>The pending import was confirmed or cancelled meanwhile.</summary>
    Gone,

    /// <summary>Someone added to the plan after the preview.</summary>
    PlanNotEmpty,
}

/// <summary>
/// Saves an imported plan into a review whose plan is empty, all or nothing, as the Word import confirms
/// (<see cref="ImportConfirmation"/>): the pending upload's deletion (which claims it, so a second
/// confirmation finds nothing), every recommendation, part and action (audited as the plan's own forms
/// are), and the record of the import with the file's name (<see cref="DocumentImport"/>, audited too), in
/// one transaction. The imported recommendations await the Executive's response, so no action of them
/// gets an update in a round already open: they are asked about from the first round after they are accepted.
/// </summary>
public sealed class PlanImporting(ScrutinyDbContext db, TimeProvider clock)
{
    public Task<PlanImportResult> SaveAsync(PendingImport pending, ImportedPlan plan, string userId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var reviewId = pending.ReviewId!.Value;
            if (await db.PendingImports.Where(p => p.Id == pending.Id && p.OwnerId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return PlanImportResult.Gone;
            }

            if (await db.Recommendations.AnyAsync(r => r.ReviewId == reviewId, cancellationToken))
            {
                return PlanImportResult.PlanNotEmpty;
            }

            db.Recommendations.AddRange(plan.Recommendations.Select((r, i) => Recommendation(reviewId, r, i)));
            db.DocumentImports.Add(new DocumentImport
            {
                ReviewId = reviewId,
                FileName = pending.FileName,
                ImportedById = userId,
                ImportedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            return PlanImportResult.Imported;
        }, result => result == PlanImportResult.Imported, cancellationToken);

    private static Recommendation Recommendation(int reviewId, ImportedRecommendation imported, int position)
    {
        var recommendation = new Recommendation { ReviewId = reviewId, Number = imported.Number, Position = position, Text = imported.Text };
        recommendation.Actions.AddRange(imported.Actions.Select((a, i) => Action(a, i, null)));
        foreach (var (part, index) in imported.Parts.Select((p, i) => (p, i)))
        {
            var entity = new RecommendationPart { Letter = part.Letter, Text = part.Text, Position = index };
            recommendation.Parts.Add(entity);
            recommendation.Actions.AddRange(part.Actions.Select((a, i) => Action(a, i, entity)));
        }

        return recommendation;
    }

    private static PlanAction Action(ImportedAction imported, int position, RecommendationPart? part)
    {
        var action = new PlanAction
        {
            Part = part,
            Position = position,
            Heading = imported.Heading,
            Responsibility = imported.Responsibility,
            TargetDate = "",
            AgreedAction = imported.AgreedAction,
            SuccessMeasure = imported.SuccessMeasure,
        };
        action.SetTargetDate(imported.TargetDate);
        return action;
    }
}
