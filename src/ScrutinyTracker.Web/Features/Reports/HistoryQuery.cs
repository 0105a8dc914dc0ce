using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>Each action's accepted grade in each round of a review, read in a fixed number of queries.</summary>
public sealed class HistoryQuery(ScrutinyDbContext db, ReportPlanQuery plan)
{
    public async Task<HistoryView?> LoadAsync(int reviewId, CancellationToken cancellationToken = default)
    {
        var title = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => r.Title)
            .SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.ReviewId == reviewId)
            .OrderBy(r => r.DueDate).ThenBy(r => r.Id)
            .Select(r => new ReportRound(r.Id, r.Label, r.DueDate, r.Status))
            .ToListAsync(cancellationToken);
        var recommendations = await plan.LoadAsync(reviewId, cancellationToken);
        var grades = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Round!.ReviewId == reviewId && u.Status == UpdateStatus.Accepted && u.Grade != null)
            .Select(u => new { u.PlanActionId, u.RoundId, Grade = u.Grade!.Value })
            .ToDictionaryAsync(u => (u.PlanActionId, u.RoundId), u => u.Grade, cancellationToken);

        var rows = recommendations
            .SelectMany(r => r.ActionsInOrder)
            .Select(a => new HistoryRow(a.Label, rounds.Select(r => grades.TryGetValue((a.Id, r.Id), out var g) ? g : (Grade?)null).ToList()))
            .ToList();
        return new HistoryView(reviewId, title, rounds, rows);
    }
}

/// <summary>The grid of the history page: one row per action, one column per round (oldest first).</summary>
public sealed record HistoryView(int ReviewId, string Title, IReadOnlyList<ReportRound> Rounds, IReadOnlyList<HistoryRow> Rows);

/// <summary>An action's accepted grade in each round, in the order of <see cref="HistoryView.Rounds"/>; null where it has none.</summary>
public sealed record HistoryRow(string Label, IReadOnlyList<Grade?> Grades);
