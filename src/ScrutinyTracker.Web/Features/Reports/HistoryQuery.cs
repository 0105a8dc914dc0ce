using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>Each action's accepted grade and the committee's decision in each round of a review, read in a fixed number of queries.</summary>
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
            .Select(r => new ReportRound(r.Id, r.Label, r.DueDate, r.Status)
            {
                Consideration = r.Consideration == null
                    ? null
                    : new RoundConsideration(r.Consideration.MeetingDate, r.Consideration.SelectCommittee!.Name, r.Consideration.MinuteReference),
            })
            .ToListAsync(cancellationToken);
        var recommendations = await plan.LoadAsync(reviewId, cancellationToken);
        var cells = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Round!.ReviewId == reviewId && u.Status == UpdateStatus.Accepted && u.Grade != null)
            .Select(u => new
            {
                u.PlanActionId,
                u.RoundId,
                Cell = new HistoryCell(
                    u.Grade,
                    u.CommitteeDecision == null ? (CommitteeOutcome?)null : u.CommitteeDecision.Outcome,
                    u.CommitteeDecision == null ? null : u.CommitteeDecision.Grade),
            })
            .ToDictionaryAsync(u => (u.PlanActionId, u.RoundId), u => u.Cell, cancellationToken);

        var rows = recommendations
            .SelectMany(r => r.ActionsInOrder)
            .Select(a => new HistoryRow(a.Label, rounds.Select(r => cells.GetValueOrDefault((a.Id, r.Id))).ToList()))
            .ToList();
        var trend = rounds.Select((round, index) => new HistoryTrend(
                round,
                GradeCounts.Of(rows.Select(r => r.Cells[index]).OfType<HistoryCell>().Select(c => c.Grade)),
                rows.Count(r => r.Cells[index]?.Outcome == CommitteeOutcome.SignedOff)))
            .ToList();
        return new HistoryView(reviewId, title, rounds, rows, trend);
    }
}

/// <summary>The grid of the history page: one row per action, one column per round (oldest first), and the trend across rounds.</summary>
public sealed record HistoryView(int ReviewId, string Title, IReadOnlyList<ReportRound> Rounds, IReadOnlyList<HistoryRow> Rows, IReadOnlyList<HistoryTrend> Trend);

/// <summary>An action's accepted update in each round, in the order of <see cref="HistoryView.Rounds"/>; null where it has none.</summary>
public sealed record HistoryRow(string Label, IReadOnlyList<HistoryCell?> Cells);

/// <summary>An accepted grade and the committee's decision on it; <see cref="Grade"/> is the committee's where it changed the self-assessment.</summary>
public sealed record HistoryCell(Grade? SelfAssessed, CommitteeOutcome? Outcome, Grade? CommitteeGrade)
{
    public Grade? Grade => Monitoring.EffectiveGrade(SelfAssessed, Outcome, CommitteeGrade);

    /// <summary>"Signed off", "Grade changed from 2 On-Track", "Continue monitoring", "Awaiting committee".</summary>
    public string Decision => Outcome switch
    {
        CommitteeOutcome.SignedOff => "Signed off",
        CommitteeOutcome.GradeChanged => $"Committee's grade; self-assessed {SelfAssessed?.NumberAndLabel()}",
        CommitteeOutcome.ContinueMonitoring => "Continue monitoring",
        _ => "Awaiting committee",
    };
}

/// <summary>One round's grades counted (the committee's where changed) and how many actions were signed off in it.</summary>
public sealed record HistoryTrend(ReportRound Round, GradeCounts Grades, int SignedOff);
