using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Exports;

/// <summary>
/// The rows of reviews' every round: the report of each round, read by <see cref="ReportQuery"/> all at
/// once (so a row says what that round's report says), one query for the rounds before it: a fixed
/// number of queries however many reviews and rounds. Callers check who may read the reviews and decide
/// with <see cref="ReportDrafts"/> whether drafts may be included, as for the page exported from.
/// </summary>
public sealed class ActionExportQuery(ScrutinyDbContext db, ReportQuery reports)
{
    /// <param name="reviewIds">The reviews in the order their rows come; rounds follow in date order.</param>
    public async Task<IReadOnlyList<ActionRow>> LoadAsync(IReadOnlyList<int> reviewIds, bool includeDrafts, CancellationToken cancellationToken = default)
    {
        var ids = reviewIds.Distinct().ToArray();
        var rounds = (await db.Rounds.AsNoTracking()
                .Where(r => ids.Contains(r.ReviewId))
                .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
                .Select(r => new { r.ReviewId, r.Id })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.ReviewId, r => (int?)r.Id);
        // A review without a round still has its plan: one report with no round, one row per action.
        var wanted = ids
            .SelectMany(id => rounds[id].DefaultIfEmpty().Select(roundId => (id, roundId)))
            .ToList();
        return ActionRows.From(await reports.LoadManyAsync(wanted, includeDrafts, cancellationToken));
    }
}
