using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Tests.Features.Exports;

/// <summary>The Hate Crime report's March 2020 round and a committee pack as Word documents, opened back with the Open XML SDK.</summary>
public sealed partial class WordExportTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Task<(int ReviewId, int RoundId, int CommitteeId)> HateCrimeAsync() => app.WithDbAsync(db => db.Rounds
        .Where(r => r.Review!.Title == "Hate Crime" && r.Label == "March 2020")
        .Select(r => new ValueTuple<int, int, int>(r.ReviewId, r.Id, r.Review!.SelectCommitteeId))
        .SingleAsync());

    private static WordprocessingDocument Open(byte[] docx)
    {
        var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty("the document is valid Open XML");
        return document;
    }

    /// <summary>A paragraph's text as typed: its line breaks as "\n".</summary>
    private static string TextOf(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }));

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();

    [Fact]
    public async Task The_report_of_March_2020_in_Word_holds_every_evidence_paragraph_and_grade_under_real_headings_and_header_rows()
    {
        var (reviewId, roundId, _) = await HateCrimeAsync();
        var client = await app.SignedInAsync(DemoUsers.CommitteeMemberEmail);
        var docx = await (await client.GetAsync($"/reviews/{reviewId}/report.docx?round={roundId}")).ShouldBeAttachmentAsync(WordType, "Hate Crime - Progress Update - March 2020.docx");

        using var document = Open(docx);
        document.PackageProperties.Title.ShouldBe("Hate Crime – Progress Update – March 2020");
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Paragraph>().Where(p => StyleOf(p)?.StartsWith("Heading", StringComparison.Ordinal) == true).Select(p => (StyleOf(p), TextOf(p))).ToList();
        var seed = SeedDocument.LoadHateCrime();
        headings[0].ShouldBe(("Heading1", CouncilDocument.Title));
        headings.Where(h => h.Item1 == "Heading2").Select(h => h.Item2).ShouldBe(
            [.. seed.Recommendations.Select(r => $"Recommendation {r.Number}: {r.Text}"), CouncilDocument.GradingsCaption]);
        headings.Where(h => h.Item1 == "Heading3").Select(h => h.Item2).ShouldBe(seed.Recommendations.SelectMany(r => r.Parts ?? []).Select(p => $"{p.Letter}) {p.Text}"));
        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        styles["Heading1"].StyleName!.Val!.Value.ShouldBe("heading 1", "Word's own heading style");
        styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(1);

        var details = body.Elements<Table>().First().Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        details.ShouldBe([["Review:", "Hate Crime"], ["Link Officer/s:", string.Join(", ", seed.LinkOfficers)], ["Action Plan Agreed:", seed.ActionPlanAgreed]]);
        body.Elements<Paragraph>().Select(TextOf).ShouldContain(CouncilDocument.Introduction);

        var actionTables = body.Elements<Table>().Where(t => t.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()!.Val!.Value!.EndsWith("agreed actions and progress")).ToList();
        actionTables.ShouldAllBe(t => t.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>() != null);
        var seedGroups = seed.Recommendations.SelectMany(r => (r.Actions is { Count: > 0 } ? [r.Actions] : Array.Empty<IReadOnlyList<SeedAction>>()).Concat((r.Parts ?? []).Select(p => p.Actions))).ToList();
        actionTables.Count.ShouldBe(seedGroups.Count);
        foreach (var (table, actions) in actionTables.Zip(seedGroups))
        {
            var rows = table.Elements<TableRow>().ToList();
            var evidence = rows.Single(r => r.Elements<TableCell>().First().InnerText == "Evidence of Progress (March 2020):").Elements<TableCell>().Skip(1).ToList();
            var assessment = rows.Single(r => r.Elements<TableCell>().First().InnerText.StartsWith("Assessment of Progress (March 2020):")).Elements<TableCell>().Skip(1).ToList();
            foreach (var (cell, action) in evidence.Zip(actions))
            {
                cell.Elements<Paragraph>().Select(TextOf).ShouldBe(BlankLines().Split(action.Evidence!.Trim('\n')), "every evidence paragraph, in order");
            }

            assessment.Select(c => TextOf(c.Elements<Paragraph>().First())).ShouldBe(actions.Select(a => ((Grade)a.Grade!).NumberAndLabel()));
        }

        var gradings = body.Elements<Table>().Last();
        gradings.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ShouldBe(
            [["1", "2", "3", "4"], ["Fully Achieved", "On-Track", "Slipped", "Not Achieved"]]);
    }

    [Fact]
    public async Task A_committee_pack_in_Word_has_its_cover_then_each_review_from_a_new_page()
    {
        var (_, _, committeeId) = await HateCrimeAsync();
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var page = await client.GetDocumentAsync($"/committee-packs?committee={committeeId}&round=March+2020");
        var response = await client.SubmitFormAsync(page,
            [new("Form.MeetingDay", "15"), new("Form.MeetingMonth", "4"), new("Form.MeetingYear", "2020"), new("Form.Format", "Word")], "main form[method=post]");
        var docx = await response.ShouldBeAttachmentAsync(WordType, "Crime and Disorder Select Committee - Progress Updates - March 2020.docx");

        using var document = Open(docx);
        var body = document.MainDocumentPart!.Document.Body!;
        var firstHeadings = body.Elements<Paragraph>().Where(p => StyleOf(p) == "Heading1").ToList();
        TextOf(firstHeadings[0]).ShouldBe("Crime and Disorder Select Committee");
        TextOf(firstHeadings[1]).ShouldBe("Hate Crime");
        firstHeadings[1].ParagraphProperties!.PageBreakBefore.ShouldNotBeNull();
        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            text.AppendLine(TextOf(paragraph));
        }

        text.ToString().ShouldContain("15 April 2020");
        var evidence = SeedDocument.LoadHateCrime().Recommendations.SelectMany(r => (r.Actions ?? []).Concat((r.Parts ?? []).SelectMany(p => p.Actions))).First().Evidence!;
        text.ToString().ShouldContain(BlankLines().Split(evidence)[0]);
        body.Elements<Paragraph>().Where(p => StyleOf(p) == "Heading2").Select(TextOf).ShouldContain(CouncilDocument.Title, "the document sits under the review's heading");
    }
}
