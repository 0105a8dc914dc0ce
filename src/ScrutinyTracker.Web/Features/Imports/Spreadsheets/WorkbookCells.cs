using System.Globalization;
using System.IO.Packaging;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ScrutinyTracker.Web.Features.Exports;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// The cells of a workbook's "Actions" sheet (or its first sheet) as the text Excel shows: shared and inline
/// strings, numbers, TRUE/FALSE, and dates typed into a cell as "31 March 2020" rather than Excel's day number.
/// </summary>
public static partial class WorkbookCells
{
    private const string Damaged = "The workbook could not be read: it may be damaged. Open it in Excel, save it as an Excel workbook (.xlsx) and upload it again";

    public static SheetReading Read(Stream content)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(content, false);
            var workbook = document.WorkbookPart;
            var sheets = workbook?.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheets.FirstOrDefault(s => s.Name?.Value == ActionWorkbook.SheetName) ?? sheets.FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                return SheetReading.Refused("The workbook has no sheet to read: put the action plan on its first sheet");
            }

            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToList() ?? [];
            var dates = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var rows = new List<SheetRow>();
            foreach (var row in part.Worksheet.Descendants<Row>().Take(SpreadsheetFileReader.MaxRows + 2))
            {
                rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), Cells(row, shared, dates)));
            }

            return SpreadsheetFileReader.Sheet(rows);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or System.Xml.XmlException or IOException or ArgumentOutOfRangeException or FormatException)
        {
            return SheetReading.Refused(Damaged);
        }
    }

    private static List<string?> Cells(Row row, List<string> shared, HashSet<uint> dates)
    {
        var cells = new List<string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var index = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < index)
            {
                cells.Add(null);
            }

            if (cells.Count == index)
            {
                var value = Value(cell, shared, dates);
                cells.Add(string.IsNullOrEmpty(value) ? null : value);
            }
        }

        return cells;
    }

    private static string? Value(Cell cell, List<string> shared, HashSet<uint> dates)
    {
        var raw = cell.CellValue?.Text;
        return cell.DataType?.Value switch
        {
            var t when t == CellValues.SharedString => shared[int.Parse(raw ?? "", CultureInfo.InvariantCulture)],
            var t when t == CellValues.InlineString => cell.InlineString is { } inline ? Unescape(inline.Text?.Text ?? string.Concat(inline.Elements<Run>().Select(r => r.Text?.Text))) : null,
            var t when t == CellValues.Boolean => raw == "1" ? "TRUE" : "FALSE",
            var t when t == CellValues.String || t == CellValues.Error => raw,
            _ when raw is not null && cell.StyleIndex?.Value is { } style && dates.Contains(style)
                && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var day) && day is > 0 and < 2958466 =>
                DateTime.FromOADate(day).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
            _ => raw,
        };
    }

    private static string TextOf(SharedStringItem item) => Unescape(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));

    /// <summary>Excel writes characters XML cannot hold (a carriage return) as <c>_x000D_</c>.</summary>
    private static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal) ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()) : text;

    /// <summary>The cell styles that show a number as a date: Excel's built-in date formats, or a custom one with days, months or years.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var formats = styles?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        return [.. formats.Select((f, i) => (Id: f.NumberFormatId?.Value ?? 0, Index: (uint)i))
            .Where(f => f.Id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(f.Id))
            .Select(f => f.Index)];
    }

    private static bool IsDateCode(string? code) =>
        code is not null && Quoted().Replace(code, "").Any(c => c is 'd' or 'D' or 'm' or 'M' or 'y' or 'Y');

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]")]
    private static partial Regex Quoted();
}
