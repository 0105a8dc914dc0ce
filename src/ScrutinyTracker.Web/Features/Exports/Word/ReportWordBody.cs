using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;
using static ScrutinyTracker.Web.Features.Exports.Word.WordPackage;

namespace ScrutinyTracker.Web.Features.Exports.Word;

/// <summary>
/// The council's progress-update document of one report, in Word: the same content as the report's
/// <c>_Document.cshtml</c> (and so the PDF) — title, review, link officers, date agreed, introduction,
/// each recommendation with its tables of actions, evidence and grades, and the grading key — as
/// headings, paragraphs and tables to edit. The cells say what <c>_Evidence</c> and <c>_Assessment</c> say.
/// </summary>
public static class ReportWordBody
{
    private const int LabelWidth = 2400;

    /// <param name="top">The level of the document's title heading: 1 alone, 2 in a committee pack under the review's name.</param>
    /// <param name="reviewNamedAbove">A committee pack names the review in the heading above; the details leave it out.</param>
    public static IEnumerable<OpenXmlElement> For(ReportView report, int top, bool reviewNamedAbove)
    {
        yield return Heading(top, CouncilDocument.Title);
        yield return Details(report, reviewNamedAbove);
        yield return Text(CouncilDocument.Introduction);
        if (report.IncludesDrafts)
        {
            yield return Text("This document includes updates that are not yet accepted. Each is marked Draft.", bold: true);
        }

        foreach (var line in new[] { report.ConsiderationLine, report.MonitoringClosedLine }.OfType<string>())
        {
            yield return Text(line);
        }

        foreach (var element in report.Recommendations.SelectMany(r => Recommendation(report, r, top + 1)))
        {
            yield return element;
        }

        yield return Heading(top + 1, CouncilDocument.GradingsCaption);
        yield return Table(
            CouncilDocument.GradingsCaption,
            Enumerable.Repeat(TextWidth / GradeText.All.Count, GradeText.All.Count).ToList(),
            [.. GradeText.All.Select(g => Cell(((int)g).ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            [[.. GradeText.All.Select(g => Cell(g.Label()))]],
            labelled: false);
        yield return new Paragraph();
    }

    private static Table Details(ReportView report, bool reviewNamedAbove)
    {
        var rows = new List<IReadOnlyList<IEnumerable<Paragraph>>>();
        if (!reviewNamedAbove)
        {
            rows.Add([Cell("Review:"), Cell(report.Title)]);
        }

        rows.Add([Cell("Link Officer/s:"), Cell(report.LinkOfficers.Count == 0 ? "None assigned" : string.Join(", ", report.LinkOfficers))]);
        rows.Add([Cell("Action Plan Agreed:"), Cell(report.ActionPlanAgreed?.ToString() ?? "")]);
        return Table($"{report.Title}: review details", [LabelWidth, TextWidth - LabelWidth], null, rows, labelled: true);
    }

    private static IEnumerable<OpenXmlElement> Recommendation(ReportView report, ReportRecommendation recommendation, int level)
    {
        yield return Heading(level, $"Recommendation {recommendation.Number}: {recommendation.Text}");
        var standing = recommendation.Standing;
        if (standing.DecisionLine is { } decision)
        {
            yield return Text(decision);
            foreach (var paragraph in TypedParagraphs(standing.ResponseText))
            {
                yield return paragraph;
            }
        }

        if (standing.ClosedLine is { } closed)
        {
            yield return Text(closed);
        }

        if (recommendation.Actions.Count > 0)
        {
            yield return ActionTable(new ReportActionTable(report, $"Recommendation {recommendation.Number}: agreed actions and progress", recommendation.Actions, standing));
            yield return new Paragraph();
        }

        foreach (var part in recommendation.Parts)
        {
            yield return Heading(level + 1, $"{part.Letter}) {part.Text}");
            yield return ActionTable(new ReportActionTable(report, $"Recommendation {recommendation.Number}{part.Letter}: agreed actions and progress", part.Actions, standing));
            yield return new Paragraph();
        }
    }

    /// <summary>The council's table: a row label, then one column per action. Its header row names the columns.</summary>
    private static Table ActionTable(ReportActionTable table)
    {
        var actions = table.Actions;
        var round = table.Report.Round;
        var rows = new List<IReadOnlyList<IEnumerable<Paragraph>>>
        {
            Row("Responsibility:", actions.Select(a => TypedParagraphs(a.Responsibility))),
            Row("Date:", actions.Select(a => Cell(a.TargetDate))),
            Row("Agreed Action:", actions.Select(a => TypedParagraphs(a.AgreedAction))),
            Row("Agreed Success Measure:", actions.Select(a => TypedParagraphs(a.SuccessMeasure))),
        };
        if (round is not null)
        {
            rows.Add(Row($"{CouncilDocument.EvidenceLabel(round.Label)}:", actions.Select(a => Evidence(table, a))));
            rows.Add(Row($"{CouncilDocument.AssessmentLabel(round.Label)}: {CouncilDocument.AssessmentHint}", actions.Select(a => Assessment(table.Report, a))));
        }

        var header = (IReadOnlyList<IEnumerable<Paragraph>>)[Cell(""), .. actions.Select((_, i) => Cell(table.HeadingOf(i)))];
        return Table(table.Caption, Widths(LabelWidth, actions.Count), header, rows, labelled: true);
    }

    private static IReadOnlyList<IEnumerable<Paragraph>> Row(string label, IEnumerable<IEnumerable<Paragraph>> cells) => [Cell(label), .. cells];

    private static IEnumerable<Paragraph> Cell(string text) => [Text(text)];

    /// <summary>As <c>_Evidence.cshtml</c>.</summary>
    private static IEnumerable<Paragraph> Evidence(ReportActionTable table, ReportAction action)
    {
        var update = table.Report.UpdateFor(action);
        if (update is { IsDraft: true })
        {
            yield return Text("Draft", bold: true);
            yield return Text(update.DraftNote);
        }

        var paragraphs = update is null && table.Report.SignedOffBefore(action) is { } signedOff ? Cell(ReportCellWording.SignedOffEarlier(signedOff))
            : update is null && table.NotMonitoredNote is { } notMonitored ? Cell(notMonitored)
            : update is null ? Cell(ReportCellWording.NoProgressYet)
            : string.IsNullOrWhiteSpace(update.Evidence) ? Cell(ReportCellWording.NoEvidenceYet)
            : TypedParagraphs(update.Evidence);
        foreach (var paragraph in paragraphs)
        {
            yield return paragraph;
        }
    }

    /// <summary>As <c>_Assessment.cshtml</c> and <c>_AssessmentNotes.cshtml</c>: the grade in number and words, then its notes.</summary>
    private static IEnumerable<Paragraph> Assessment(ReportView report, ReportAction action)
    {
        var update = report.UpdateFor(action);
        if (update is { IsDraft: true })
        {
            yield return Text("Draft", bold: true);
        }

        yield return Text(report.GradeFor(action)?.NumberAndLabel() ?? "Not graded", bold: true);
        if (update is null)
        {
            if (report.SignedOffBefore(action) is { } signedOff)
            {
                yield return Text($"({signedOff.RoundLabel})");
            }

            yield break;
        }

        if (update is { GradeChanged: true, Decision: { } changed })
        {
            yield return Text(ReportCellWording.CommitteeGrade(update.SelfAssessed));
            if (!string.IsNullOrWhiteSpace(changed.Reason))
            {
                yield return Text(ReportCellWording.CommitteeReason(changed.Reason));
            }
        }

        foreach (var paragraph in TypedParagraphs(update.Explanation))
        {
            yield return paragraph;
        }

        var notes = new[]
        {
            update.ExpectedBy is { } expectedBy ? ReportCellWording.ExpectedBy(expectedBy) : null,
            string.IsNullOrWhiteSpace(update.DelayReason) ? null : ReportCellWording.DelayReason(update.DelayReason),
            update.Decision?.SignOff?.Sentence,
        };
        foreach (var note in notes.OfType<string>())
        {
            yield return Text(note);
        }
    }
}
