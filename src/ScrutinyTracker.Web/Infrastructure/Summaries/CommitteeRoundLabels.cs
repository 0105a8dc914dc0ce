using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Infrastructure.Summaries;

/// <summary>
/// Works out the <see cref="CommitteeRoundLabel"/> rows of some Select Committees from their reviews' rounds, in
/// one query, and writes them in place of those kept (decision 0018).
/// </summary>
public static class CommitteeRoundLabels
{
    /// <summary>Brings the round labels of <paramref name="committeeIds"/> up to date through <paramref name="db"/>, which saves nothing else.</summary>
    public static async Task RefreshAsync(ScrutinyDbContext db, IReadOnlyCollection<int> committeeIds, CancellationToken cancellationToken)
    {
        if (committeeIds.Count == 0)
        {
            return;
        }

        await db.InTransactionAsync(async () =>
        {
            var labels = await db.Rounds.AsNoTracking()
                .Where(r => committeeIds.Contains(r.Review!.SelectCommitteeId))
                .GroupBy(r => new { r.Review!.SelectCommitteeId, r.Label })
                .Select(g => new CommitteeRoundLabel { SelectCommitteeId = g.Key.SelectCommitteeId, Label = g.Key.Label, LatestDueDate = g.Max(r => r.DueDate) })
                .ToListAsync(cancellationToken);

            // Deleted and written again rather than matched up: labels that differ only in case are one label on
            // SQL Server and two on SQLite, as each database groups them and compares their keys.
            await db.CommitteeRoundLabels.Where(l => committeeIds.Contains(l.SelectCommitteeId)).ExecuteDeleteAsync(cancellationToken);
            db.CommitteeRoundLabels.AddRange(labels);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var label in labels)
            {
                db.Entry(label).State = EntityState.Detached;
            }
        }, cancellationToken);
    }
}
