using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// Saves an imported plan into a review whose plan is empty, all or nothing: every recommendation, part and
/// action in one transaction (the audit trail records each, as for the plan's own forms), with one more
/// audit row saying the plan was imported and from which file. An action gets a draft in an open round,
/// as one added by hand does.
/// </summary>
public sealed class PlanImporting(ScrutinyDbContext db, TimeProvider clock)
{
    public const string AuditEntityType = "PlanImport";

    /// <returns>False, with nothing saved, when the review's plan is no longer empty.</returns>
    public Task<bool> SaveAsync(int reviewId, PendingPlanImport pending, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            if (await db.Recommendations.AnyAsync(r => r.ReviewId == reviewId, cancellationToken))
            {
                return false;
            }

            var openRoundId = await db.Rounds.Where(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open)
                .Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);
            db.Recommendations.AddRange(pending.Plan.Recommendations.Select((r, i) => Recommendation(reviewId, r, i, openRoundId)));
            await db.SaveChangesAsync(cancellationToken);

            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                UserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
                UserName = user.Identity?.Name ?? "Unknown user",
                EntityType = AuditEntityType,
                EntityId = reviewId.ToString(CultureInfo.InvariantCulture),
                Kind = AuditKind.Added,
                Field = "File",
                NewValue = pending.FileName,
                ReviewId = reviewId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, saved => saved, cancellationToken);

    private static Recommendation Recommendation(int reviewId, ImportedRecommendation imported, int position, int? openRoundId)
    {
        var recommendation = new Recommendation { ReviewId = reviewId, Number = imported.Number, Position = position, Text = imported.Text };
        recommendation.Actions.AddRange(imported.Actions.Select((a, i) => Action(a, i, null, openRoundId)));
        foreach (var (part, index) in imported.Parts.Select((p, i) => (p, i)))
        {
            var entity = new RecommendationPart { Letter = part.Letter, Text = part.Text, Position = index };
            recommendation.Parts.Add(entity);
            recommendation.Actions.AddRange(part.Actions.Select((a, i) => Action(a, i, entity, openRoundId)));
        }

        return recommendation;
    }

    private static PlanAction Action(ImportedAction imported, int position, RecommendationPart? part, int? openRoundId)
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
        if (openRoundId is { } roundId)
        {
            action.Updates.Add(new ProgressUpdate { RoundId = roundId });
        }

        return action;
    }
}
