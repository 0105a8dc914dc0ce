using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Exports;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Tests.Features.Exports;

/// <summary>The Hate Crime review's actions downloaded from its report, read back cell by cell.</summary>
public sealed class ActionExportTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly string[] Columns =
    [
        "Review", "Select Committee", "Recommendation", "Recommendation text", "Part", "Part text", "Column heading", "Responsibility",
        "Date", "Agreed Action", "Agreed Success Measure", "Round", "Evidence", "Grade", "Grade in words", "Explanation", "Status",
    ];

    private Task<int> HateCrimeIdAsync() => app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());

    private async Task<byte[]> DownloadAsync(string email, string url, string mediaType, string fileName)
    {
        var client = await app.SignedInAsync(email);
        return await (await client.GetAsync(url)).ShouldBeAttachmentAsync(mediaType, fileName);
    }

    /// <summary>The seeded document's actions in document order, with their recommendation and part.</summary>
    private static List<(SeedRecommendation Recommendation, SeedPart? Part, SeedAction Action)> SeedActions() =>
        SeedDocument.LoadHateCrime().Recommendations
            .SelectMany(r => (r.Actions ?? []).Select(a => (r, (SeedPart?)null, a))
                .Concat((r.Parts ?? []).SelectMany(p => p.Actions.Select(a => (r, (SeedPart?)p, a)))))
            .ToList();

    [Fact]
    public async Task Excel_export_of_the_report_holds_one_row_per_action_per_round_as_the_council_wrote_them()
    {
        var xlsx = await DownloadAsync(DemoUsers.ScrutinyOfficerEmail, $"/reviews/{await HateCrimeIdAsync()}/actions.xlsx", Spreadsheets.ExcelType, "Hate Crime - Actions by round.xlsx");

        var sheet = Spreadsheets.ReadWorkbook(xlsx);
        sheet.Header.ShouldBe(Columns);
        var seed = SeedActions();
        sheet.Rows.Count.ShouldBe(seed.Count * 2, "16 actions in the March 2020 and September 2020 rounds");
        var march = sheet.Rows.Where(r => r["Round"] == "March 2020").ToList();
        march.Count.ShouldBe(seed.Count);
        foreach (var (row, (recommendation, part, action)) in march.Zip(seed))
        {
            row["Review"].ShouldBe("Hate Crime");
            row["Select Committee"].ShouldBe("Crime and Disorder Select Committee");
            row["Recommendation"].ShouldBe(recommendation.Number.ToString());
            row["Recommendation text"].ShouldBe(recommendation.Text);
            row["Part"].ShouldBe(part?.Letter);
            row["Part text"].ShouldBe(part?.Text);
            row["Column heading"].ShouldBe(action.Heading);
            row["Responsibility"].ShouldBe(action.Responsibility);
            row["Date"].ShouldBe(action.Date);
            row["Agreed Action"].ShouldBe(action.AgreedAction);
            row["Agreed Success Measure"].ShouldBe(action.SuccessMeasure);
            row["Evidence"].ShouldBe(action.Evidence);
            row["Grade"].ShouldBe(action.Grade.ToString());
            row["Grade in words"].ShouldBe(((Grade)action.Grade!).Label());
            row["Status"].ShouldBe(action.Grade == 1 ? "Accepted; signed off by the committee" : "Accepted; the committee continues monitoring");
        }

        march.GroupBy(r => r["Grade"]).OrderBy(g => g.Key).Select(g => g.Count()).ShouldBe([12, 2, 1, 1]);
        var september = sheet.Rows.Where(r => r["Round"] == "September 2020").ToList();
        september.Count.ShouldBe(seed.Count);
        september.Count(r => r["Status"]!.StartsWith("Signed off by the Crime and Disorder Select Committee", StringComparison.Ordinal) && r["Grade"] == "1").ShouldBe(12);
        september.Where(r => r["Grade"] is null).ShouldAllBe(r => r["Status"] == ReportCellWording.NoProgressYet && r["Evidence"] == null);
    }

    [Fact]
    public async Task Excel_export_has_a_bold_frozen_header_wrapped_text_and_column_widths()
    {
        var xlsx = await DownloadAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{await HateCrimeIdAsync()}/actions.xlsx", Spreadsheets.ExcelType, "Hate Crime - Actions by round.xlsx");

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty("the workbook is valid Open XML");
        var worksheet = Spreadsheets.WorksheetOf(document);
        var pane = worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        pane.TopLeftCell!.Value.ShouldBe("A2");
        var columns = worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        columns.Count.ShouldBe(Columns.Length);
        columns.ShouldAllBe(c => c.CustomWidth! && c.Width! >= 6);
        columns[Array.IndexOf(Columns, "Evidence")].Width!.Value.ShouldBeGreaterThanOrEqualTo(60);
        worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value.ShouldStartWith("A1:Q");

        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fonts = document.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ToList();
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = formats[(int)rows[0].Elements<Cell>().First().StyleIndex!.Value];
        fonts[(int)header.FontId!.Value].Bold.ShouldNotBeNull("the header row is bold");
        foreach (var cell in rows.Skip(1).SelectMany(r => r.Elements<Cell>()))
        {
            formats[(int)cell.StyleIndex!.Value].Alignment!.WrapText!.Value.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Csv_export_is_UTF8_with_a_byte_order_mark_and_holds_the_same_rows_as_the_Excel_export()
    {
        var id = await HateCrimeIdAsync();
        var csv = await DownloadAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{id}/actions.csv", "text/csv", "Hate Crime - Actions by round.csv");
        var xlsx = await DownloadAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{id}/actions.xlsx", Spreadsheets.ExcelType, "Hate Crime - Actions by round.xlsx");

        csv.AsSpan(0, 3).ToArray().ShouldBe(Encoding.UTF8.Preamble.ToArray());
        Encoding.UTF8.GetString(csv).ShouldContain("Review,Select Committee,Recommendation,");
        var fromCsv = Spreadsheets.ReadCsv(csv);
        var fromExcel = Spreadsheets.ReadWorkbook(xlsx);
        fromCsv.Header.ShouldBe(Columns);
        fromCsv.Rows.Count.ShouldBe(fromExcel.Rows.Count);
        foreach (var (csvRow, excelRow) in fromCsv.Rows.Zip(fromExcel.Rows))
        {
            csvRow.ShouldBe(excelRow);
        }

        fromCsv.Rows.ShouldContain(r => r["Evidence"] != null && r["Evidence"]!.Any(c => c > 127), "text beyond ASCII survives UTF-8");
    }

    [Fact]
    public async Task Cells_that_start_like_a_formula_are_escaped_in_CSV_and_stay_plain_text_in_Excel()
    {
        string[] dangerous = ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+44 1632 960000", "-1+2", "@SUM(A1:A2)", "\tTabbed", "\rReturned"];
        var id = await app.AddReviewAsync("Formula review", new YearMonth(2024, 1), review =>
        {
            var round = new Round { Label = "January 2025", DueDate = new DateOnly(2025, 1, 31), Status = RoundStatus.Closed };
            review.Rounds.Add(round);
            var recommendation = TestReviews.Recommendation(1, dangerous[4]);
            recommendation.Actions.Add(new PlanAction
            {
                Heading = dangerous[3], Responsibility = dangerous[1], TargetDate = "March 2024", AgreedAction = dangerous[0], SuccessMeasure = dangerous[2],
                Updates = [new ProgressUpdate { Round = round, Evidence = dangerous[5], Grade = Grade.OnTrack, Status = UpdateStatus.Accepted }],
            });
            review.Recommendations.Add(recommendation);
        });

        var csv = await DownloadAsync(DemoUsers.ScrutinyOfficerEmail, $"/reviews/{id}/actions.csv", "text/csv", "Formula review - Actions by round.csv");
        var text = Encoding.UTF8.GetString(csv);
        text.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
        text.ShouldNotContain(",=HYPERLINK");
        var row = Spreadsheets.ReadCsv(csv).Rows.Single();
        row["Agreed Action"].ShouldBe("'" + dangerous[0]);
        row["Responsibility"].ShouldBe("'" + dangerous[1]);
        row["Agreed Success Measure"].ShouldBe("'" + dangerous[2]);
        row["Column heading"].ShouldBe("'" + dangerous[3]);
        row["Recommendation text"].ShouldBe("'" + dangerous[4]);
        row["Evidence"].ShouldBe("'" + dangerous[5]);
        row["Grade"].ShouldBe("2", "numbers are not escaped");

        var xlsx = await DownloadAsync(DemoUsers.ScrutinyOfficerEmail, $"/reviews/{id}/actions.xlsx", Spreadsheets.ExcelType, "Formula review - Actions by round.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var worksheet = Spreadsheets.WorksheetOf(document);
        worksheet.Descendants<CellFormula>().ShouldBeEmpty("no cell is a formula");
        var cells = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ElementAt(1).Elements<Cell>().ToList();
        cells.Where(c => c.DataType?.Value != CellValues.Number).ShouldAllBe(c => c.DataType!.Value == CellValues.InlineString);
        Spreadsheets.ReadWorkbook(xlsx).Rows.Single()["Agreed Action"].ShouldBe(dangerous[0], "an Excel string cell is text as it is");
    }
}
