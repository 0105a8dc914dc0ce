using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Exports;

/// <summary>
/// Turns reports into spreadsheet rows: each report (one review in one round) gives one row per action
/// of its plan in document order, with what that report shows of it. The reports already hold only
/// what the reader may see (accepted updates, or drafts for those who asked and may), so the rows do too.
/// </summary>
public static class ActionRows
{
    public const string NoRoundYet = "No round yet";

    public static IReadOnlyList<ActionRow> From(IEnumerable<ReportView> reports)
    {
        var rows = new List<ActionRow>();
        foreach (var report in reports)
        {
            foreach (var recommendation in report.Recommendations)
            {
                Add(rows, report, recommendation, null, recommendation.Actions);
                foreach (var part in recommendation.Parts)
                {
                    Add(rows, report, recommendation, part, part.Actions);
                }
            }
        }

        return rows;
    }

    private static void Add(List<ActionRow> rows, ReportView report, ReportRecommendation recommendation, ReportPart? part, IReadOnlyList<ReportAction> actions)
    {
        var table = new ReportActionTable(report, part?.Text ?? recommendation.Text, actions, recommendation.Standing);
        rows.AddRange(actions.Select(action => Row(report, recommendation, part, table, action)));
    }

    private static ActionRow Row(ReportView report, ReportRecommendation recommendation, ReportPart? part, ReportActionTable table, ReportAction action)
    {
        var update = report.UpdateFor(action);
        return new ActionRow(
            report.Title,
            report.SelectCommittee,
            recommendation.Number,
            recommendation.Text,
            part?.Letter,
            part?.Text,
            action.Heading,
            action.Responsibility,
            action.TargetDate,
            action.AgreedAction,
            action.SuccessMeasure,
            report.Round?.Label,
            update?.Evidence,
            report.GradeFor(action),
            update?.Explanation,
            Status(report, action, update, table));
    }

    /// <summary>"Accepted", "Accepted; signed off by the committee", "Draft: Not yet submitted by the link officer.", "Signed off by …".</summary>
    private static string Status(ReportView report, ReportAction action, ReportUpdate? update, ReportActionTable table) =>
        report.Round is null ? NoRoundYet
        : update is { IsDraft: true } ? $"Draft: {update.DraftNote}"
        : update is not null ? Accepted(update)
        : report.SignedOffBefore(action) is { } signOff ? signOff.Sentence
        : table.NotMonitoredNote ?? ReportCellWording.NoProgressYet;

    private static string Accepted(ReportUpdate update) => update.Decision switch
    {
        { Outcome: CommitteeOutcome.SignedOff } => "Accepted; signed off by the committee",
        { Outcome: CommitteeOutcome.GradeChanged } when update.SelfAssessed is { } own =>
            $"Accepted; the committee changed the grade from {own.NumberAndLabel()}",
        { Outcome: CommitteeOutcome.ContinueMonitoring } => "Accepted; the committee continues monitoring",
        _ => "Accepted",
    };
}
