using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// A later round's document for a review already here: the review's report for its latest round, the
/// matching (<see cref="LaterRoundMatching"/>), the report as it will read with the new round, and
/// saving that round (closed, its updates accepted, considered as in <see cref="ImportedReviewBuilder"/>)
/// in one transaction with the import's record.
/// </summary>
public sealed class LaterRoundImport(ScrutinyDbContext db, ReportQuery reports, TimeProvider clock)
{
    public sealed record Preview(ReportView Report, LaterRoundMatching.Result Matching);

    public async Task<Preview?> PreviewAsync(int reviewId, ImportedDocument document, CancellationToken cancellationToken)
    {
        if (await reports.LoadAsync(reviewId, null, includeDrafts: false, cancellationToken) is not { } latest)
        {
            return null;
        }

        var matching = LaterRoundMatching.Match(document, latest);
        var standing = await db.Reviews.Where(r => r.Id == reviewId).Select(r => new { r.Status, r.MonitoringClosedOn }).SingleAsync(cancellationToken);
        if (standing.Status == ReviewStatus.Completed)
        {
            matching = matching with { Problems = [.. matching.Problems, $"{latest.Title} is completed: its plan and rounds can no longer change."] };
        }
        else if (standing.MonitoringClosedOn is not null)
        {
            matching = matching with { Problems = [.. matching.Problems, $"Monitoring of {latest.Title} has ended, so no round can be added to it."] };
        }

        return new Preview(WithNewRound(latest, document, matching), matching);
    }

    /// <returns>The new round's id, or null when the pending import is gone meanwhile.</returns>
    public Task<int?> AddRoundAsync(PendingImport pending, ImportedDocument document, LaterRoundMatching.Result matching, string userId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            if (await db.PendingImports.Where(p => p.Id == pending.Id && p.OwnerId == userId).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return (int?)null;
            }

            var review = await db.Reviews.SingleAsync(r => r.Id == pending.ReviewId, cancellationToken);
            var importer = new ImportedReviewBuilder.Importer(userId, clock.GetUtcNow().UtcDateTime);
            var round = ImportedReviewBuilder.NewRound(document.Round!, review.SelectCommitteeId, importer);
            round.ReviewId = review.Id;
            foreach (var match in matching.Updates)
            {
                var update = ImportedReviewBuilder.AcceptedUpdate(match.Imported, round, importer);
                update.PlanActionId = match.Action.Id;
                round.Updates.Add(update);
            }

            db.Rounds.Add(round);
            db.DocumentImports.Add(new DocumentImport { ReviewId = review.Id, Round = round, FileName = pending.FileName, ImportedById = userId, ImportedAtUtc = importer.NowUtc });
            await db.SaveChangesAsync(cancellationToken);
            return round.Id;
        }, id => id is not null, cancellationToken);

    /// <summary>The latest round's report moved on by one round: its grades become the previous ones, its sign-offs earlier ones.</summary>
    private static ReportView WithNewRound(ReportView latest, ImportedDocument document, LaterRoundMatching.Result matching)
    {
        if (matching.Problems.Count > 0 || !YearMonth.TryParse(document.Round, out var month))
        {
            return latest;
        }

        var round = new ReportRound(0, month.ToString(), month.LastDay, RoundStatus.Closed)
        {
            Consideration = new RoundConsideration(null, latest.SelectCommittee, null),
        };
        var signOff = new SignOff(round.Label, latest.SelectCommittee, null);
        var updates = matching.Updates.ToDictionary(m => m.Action.Id, m => new ReportUpdate(m.Imported.Evidence ?? "", m.Imported.Grade, m.Imported.Explanation, UpdateStatus.Accepted)
        {
            Decision = new ReportDecision(
                m.Imported.Grade == Grade.FullyAchieved ? CommitteeOutcome.SignedOff : CommitteeOutcome.ContinueMonitoring, null, null,
                m.Imported.Grade == Grade.FullyAchieved ? signOff : null),
        });
        var previousGrades = latest.ActionsInOrder.Select(a => (a.Id, Grade: latest.GradeFor(a))).Where(g => g.Grade is not null).ToDictionary(g => g.Id, g => g.Grade!.Value);
        var signedOff = latest.ActionsInOrder
            .Select(a => (a.Id, SignOff: latest.SignedOffBefore(a) ?? latest.UpdateFor(a)?.Decision?.SignOff))
            .Where(s => s.SignOff is not null)
            .ToDictionary(s => s.Id, s => s.SignOff!);
        return latest with
        {
            Rounds = [.. latest.Rounds, round],
            Round = round,
            PreviousRound = latest.Round,
            Updates = updates,
            PreviousGrades = previousGrades,
            SignedOffEarlier = signedOff,
        };
    }
}
