using System.IO.Compression;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Imports.Spreadsheets;

/// <summary>Files the import must refuse, each with a message saying what to do, and nothing saved; and a workbook as Excel saves one.</summary>
public sealed class PlanImportProblemTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Header = "Recommendation,Recommendation text,Part,Part text,Column heading,Responsibility,Date,Agreed Action,Agreed Success Measure";

    private async Task<IReadOnlyList<string>> ProblemsAsync(string fileName, byte[] content)
    {
        var review = await app.AddReviewAsync($"Refused {Guid.NewGuid():N}", new YearMonth(2025, 6));
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var response = await client.UploadAsync(review, fileName, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Import the action plan from a spreadsheet");
        page.QuerySelector("#file")!.GetAttribute("aria-describedby")!.ShouldContain("file-error");
        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == review))).ShouldBe(0);
        return [.. page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())];
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    [Theory]
    [InlineData("notes.txt", "The file must be an Excel workbook (.xlsx) or a CSV file")]
    [InlineData("plan.docx", "The file must be an Excel workbook (.xlsx) or a CSV file")]
    [InlineData("old.xls", "The file is an old Excel workbook (.xls): save it as an Excel workbook (.xlsx) or CSV and upload that")]
    [InlineData("macros.xlsm", "The file is a macro-enabled workbook: save it as an Excel workbook (.xlsx) without macros, or as CSV")]
    [InlineData("fake.xlsx", "The file is not an Excel workbook (.xlsx), or it is damaged or password-protected: save it from Excel as an Excel workbook without a password, or as CSV")]
    public async Task A_file_of_the_wrong_type_is_refused_by_name(string fileName, string message) =>
        (await ProblemsAsync(fileName, Encoding.UTF8.GetBytes("not a spreadsheet"))).ShouldBe([message]);

    [Fact]
    public async Task An_empty_file_a_file_over_5_MB_and_a_CSV_not_in_UTF8_are_refused()
    {
        (await ProblemsAsync("empty.csv", [])).ShouldBe(["Select an Excel (.xlsx) or CSV file with the action plan"]);
        (await ProblemsAsync("big.csv", new byte[5 * 1024 * 1024 + 1])).ShouldBe(["The file must be smaller than 5 MB"]);
        (await ProblemsAsync("latin1.csv", Encoding.Latin1.GetBytes(Header + "\r\n1,Caf\u00e9,,,,A,B,C,D"))).ShouldBe(
            ["The file's text is not UTF-8: save it from Excel as \"CSV UTF-8 (Comma delimited)\" and upload that"]);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        static byte[] Zip(Action<ZipArchive> fill)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                fill(zip);
            }

            return stream.ToArray();
        }

        var huge = Zip(zip =>
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++)
            {
                entry.Write(zeros);
            }
        });
        huge.Length.ShouldBeLessThan(1024 * 1024, "60 MB of zeros packs small");
        var many = Zip(zip =>
        {
            for (var i = 0; i < 600; i++)
            {
                zip.CreateEntry($"xl/part{i}.xml");
            }
        });

        const string Message = "The workbook unpacks to far more than an action plan needs: save the plan's sheet on its own and upload that";
        (await ProblemsAsync("bomb.xlsx", huge)).ShouldBe([Message]);
        (await ProblemsAsync("many.xlsx", many)).ShouldBe([Message]);
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        (await ProblemsAsync("plan.csv", Csv("Recommendation,Responsibility,Date", "1,Someone,May"))).ShouldBe(
            ["The header row (row 1) must name the columns \"Recommendation text\", \"Agreed Action\", \"Agreed Success Measure\". Download a review's actions as a spreadsheet to see the columns"]);
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_their_row_numbers()
    {
        var problems = await ProblemsAsync("plan.csv", Csv(
            Header,
            "1,That the council act.,,,,Officer,May 2025,Act,Done",
            "one,That the council act.,,,,Officer,May 2025,Act,Done",
            "1,That the council act.,,,,Officer,May 2025,,Done",
            "1,That the council act.,b c,Text,,Officer,May 2025,Act,Done",
            "",
            "3,Third,,,,Officer,May 2025,Act,Done"));

        problems.ShouldBe([
            "Row 3: the recommendation's number must be a whole number from 1, not \"one\"",
            "Row 4: enter the Agreed Action",
            "Row 5: the part must be a letter, like a or b, not \"b c\"",
        ]);
        (await ProblemsAsync("gap.csv", Csv(Header, "1,First,,,,Officer,May,Act,Done", "3,Third,,,,Officer,May,Act,Done"))).ShouldBe(
            ["Row 3: recommendations are numbered 1, 2, 3… in order, and there is no recommendation 2 before recommendation 3"]);
    }

    [Fact]
    public async Task Rows_that_disagree_about_one_recommendation_part_or_action_are_refused()
    {
        var problems = await ProblemsAsync("plan.csv", Csv(
            Header + ",Round",
            "1,First text,a,Part text,,Officer,May,Act,Done,March 2020",
            "1,Other text,b,Part b,,Officer,May,Act,Done,March 2020",
            "1,First text,a,Part text,,Officer,May,Changed action,Done,September 2020",
            "1,First text,c,Part c,,Officer,May,Act,Done,March 2020",
            "1,First text,a,Part text again,,Officer,May,Act,Done,March 2021"));

        problems.ShouldBe([
            "Rows 2 and 3 give recommendation 1's text differently: make them the same, or keep one row for it",
            "Rows 2 and 6 give part 1a's text differently: make them the same, or keep one row for it",
            "Rows 2 and 4 give recommendation 1a's action differently: make them the same, or keep one row for it",
        ]);
    }

    [Fact]
    public async Task A_workbook_as_Excel_saves_it_with_shared_strings_numbers_and_a_date_imports()
    {
        var review = await app.AddReviewAsync("From Excel", new YearMonth(2025, 6));
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        await client.ImportAsync(review, "saved-by-excel.xlsx", ExcelSavedWorkbook());

        (await app.PlanLinesAsync(review)).ShouldBe([
            "Recommendation 1: That the council keep its promises.",
            "  part a) to residents",
            "    action Frontline | Service Manager | 31 March 2025 | March 2025 | Write to every resident | Letters sent",
        ]);
    }

    /// <summary>A workbook shaped as Excel writes one: shared strings, the number as a number, the date as a day number styled as a date, the columns in another order.</summary>
    private static byte[] ExcelSavedWorkbook()
    {
        string[] header = ["Agreed Action", "Recommendation", "Recommendation text", "Part", "Part text", "Column heading", "Responsibility", "Date", "Agreed Success Measure"];
        string?[] values = ["Write to every resident", null, "That the council keep its promises.", "a", "to residents", "Frontline", "Service Manager", null, "Letters sent"];
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = header.Concat(values.OfType<string>()).Distinct().ToList();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 15, ApplyNumberFormat = true }));
            Cell Shared(string column, string text) => new() { CellReference = column, DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(text)) };
            var headerRow = new Row(header.Select((h, i) => Shared($"{(char)('A' + i)}1", h))) { RowIndex = 1 };
            var row = new Row { RowIndex = 3 };
            for (var i = 0; i < header.Length; i++)
            {
                var column = $"{(char)('A' + i)}3";
                row.Append(header[i] switch
                {
                    "Recommendation" => new Cell { CellReference = column, CellValue = new CellValue(1) },
                    "Date" => new Cell { CellReference = column, CellValue = new CellValue(new DateTime(2025, 3, 31).ToOADate()), StyleIndex = 1 },
                    _ => Shared(column, values[i]!),
                });
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(headerRow, row));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }

        return stream.ToArray();
    }
}
