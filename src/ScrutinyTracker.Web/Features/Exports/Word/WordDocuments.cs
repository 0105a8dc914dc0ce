using DocumentFormat.OpenXml;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.CommitteePacks;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Features.Reports;
using static ScrutinyTracker.Web.Features.Exports.Word.WordPackage;

namespace ScrutinyTracker.Web.Features.Exports.Word;

/// <summary>The report of a round and committee packs as Word documents, with the same content as their PDFs.</summary>
public static class WordDocuments
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Report(ReportView report, PrintedDocumentName name) =>
        Write(name.Title, ReportWordBody.For(report, top: 1, reviewNamedAbove: false));

    /// <summary>A cover (the committee, meeting, round and each review's grades), then each review from a new page.</summary>
    public static byte[] CommitteePack(CommitteePackView pack) =>
        Write(pack.Name.Title, Cover(pack).Concat(pack.Reports.SelectMany(report =>
            ReportWordBody.For(report, top: 2, reviewNamedAbove: true).Prepend(Heading(1, report.Title, newPage: true)))));

    private static IEnumerable<OpenXmlElement> Cover(CommitteePackView pack)
    {
        yield return Styled(WordStyles.Caption, "Scrutiny monitoring – progress updates");
        yield return Heading(1, pack.Committee);
        yield return Table(
            $"{pack.Committee}: meeting and round",
            [2400, TextWidth - 2400],
            null,
            [[[Text("Meeting date")], [Text(Infrastructure.UkTime.Date(pack.MeetingDate))]], [[Text("Monitoring round")], [Text(pack.Round)]]],
            labelled: true);
        yield return Heading(2, "Reviews in this pack and their grades");
        var columns = GradeText.All.Count + 1;
        yield return Table(
            "Reviews in this pack and their grades",
            Widths(TextWidth - columns * 1200, columns),
            [[Text("Review")], .. GradeText.All.Select(g => (IEnumerable<DocumentFormat.OpenXml.Wordprocessing.Paragraph>)[Text(g.NumberAndLabel())]), [Text("Not graded")]],
            pack.Reports.Select(report =>
            {
                var counts = ReportSummary.For(report).Counts;
                return (IReadOnlyList<IEnumerable<DocumentFormat.OpenXml.Wordprocessing.Paragraph>>)
                    [[Text(report.Title)], .. GradeText.All.Select(g => (IEnumerable<DocumentFormat.OpenXml.Wordprocessing.Paragraph>)[Text(Number(counts[g]))]), [Text(Number(counts.NotGraded))]];
            }),
            labelled: true);
        yield return Text("Each review's progress update follows, starting on a new page. Only updates accepted by a scrutiny officer are shown.");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
