using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>An action whose grade differs from the round before.</summary>
public sealed record GradeChange(ReportAction Action, Grade? Previous, Grade Current);

/// <summary>
/// What a committee member reads above the document: how many actions have each grade in the round
/// shown, and what changed since the round before. Only grades the report shows count (accepted
/// ones, plus drafts when the report includes them; the committee's where it changed one), and only
/// actions of recommendations the Executive accepted or partially accepted. The changes are defined so:
/// <list type="bullet">
/// <item><b>Improved</b>: graded in both rounds, with a better (lower-numbered) grade now: 4 → 2, 2 → 1.</item>
/// <item><b>Slipped</b>: graded in both rounds, with a worse (higher-numbered) grade now: 1 → 2, 2 → 3.</item>
/// <item><b>Newly achieved</b>: Fully Achieved now and not Fully Achieved (or not graded) in the round
/// before. So 2 → 1 is both improved and newly achieved.</item>
/// </list>
/// With no round before, nothing has changed.
/// </summary>
public sealed record ReportSummary(
    GradeCounts Counts,
    ReportRound? PreviousRound,
    IReadOnlyList<GradeChange> Improved,
    IReadOnlyList<GradeChange> Slipped,
    IReadOnlyList<GradeChange> NewlyAchieved)
{
    public static ReportSummary For(ReportView report)
    {
        var actions = report.MonitoredActionsInOrder.ToList();
        var counts = GradeCounts.Of(actions.Select(report.GradeFor));
        if (report.PreviousRound is null)
        {
            return new ReportSummary(counts, null, [], [], []);
        }

        var graded = actions
            .Select(a => (Action: a, Previous: report.PreviousGradeFor(a), Current: report.GradeFor(a)))
            .Where(x => x.Current is not null)
            .Select(x => new GradeChange(x.Action, x.Previous, x.Current!.Value))
            .ToList();

        return new ReportSummary(
            counts,
            report.PreviousRound,
            graded.Where(c => c.Previous is { } before && c.Current < before).ToList(),
            graded.Where(c => c.Previous is { } before && c.Current > before).ToList(),
            graded.Where(c => c.Current == Grade.FullyAchieved && c.Previous != Grade.FullyAchieved).ToList());
    }
}
