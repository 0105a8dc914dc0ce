using System.Net;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// Reads downloaded spreadsheets back, independently of the app's own code: workbooks with the Open XML SDK,
/// CSV with CsvHelper. Each row is the header's names mapped to the cells' text (null for an empty cell).
/// </summary>
public static class Spreadsheets
{
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> ShouldBeAttachmentAsync(this HttpResponseMessage response, string mediaType, string fileName)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe(fileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public sealed record Sheet(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows);

    public static Sheet ReadWorkbook(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var worksheet = WorksheetOf(document);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(row => row.Elements<Cell>().ToDictionary(c => ColumnIndex(c.CellReference!), c => CellText(c, shared)))
            .ToList();
        var header = Enumerable.Range(0, rows[0].Keys.Max() + 1).Select(i => rows[0][i]!).ToList();
        return new Sheet(header, rows.Skip(1)
            .Select(r => (IReadOnlyDictionary<string, string?>)header.Select((h, i) => (h, r.GetValueOrDefault(i))).ToDictionary(x => x.h, x => x.Item2))
            .ToList());
    }

    public static Worksheet WorksheetOf(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
        return ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public static Sheet ReadCsv(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = true, Separator = ',' });
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        string[]? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers];
            rows.Add(header.Select((h, i) => (h, Value: reader.GetString(i))).ToDictionary(x => x.h, x => x.Value.Length == 0 ? null : x.Value));
        }

        return new Sheet(header ?? [.. reader.Headers], rows);
    }

    private static string? CellText(Cell cell, List<string> shared) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
        : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text)]
        : cell.CellValue?.Text;

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }
}
