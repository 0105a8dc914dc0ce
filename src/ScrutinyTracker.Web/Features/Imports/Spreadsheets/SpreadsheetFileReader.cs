using System.IO.Compression;
using System.Text;
using CsvHelper;
using ScrutinyTracker.Web.Features.Exports;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// Reads an uploaded Excel workbook (.xlsx) or CSV file into its cells, refusing what it must not open:
/// another kind of file (an old .xls, a macro-enabled .xlsm, anything that is not what its name says), a
/// file over <see cref="MaxBytes"/>, a workbook that would unpack to more than <see cref="MaxUnpackedBytes"/>
/// or holds more than <see cref="MaxEntries"/> parts (a zip bomb), and more than <see cref="MaxRows"/> rows.
/// </summary>
public static class SpreadsheetFileReader
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 500;
    public const int MaxRows = 5000;

    /// <summary>Checks and reads an uploaded file: the name says its type, the content must match it.</summary>
    public static SheetReading Read(string fileName, byte[] content) =>
        Refusal(fileName, content.Length) is { } refusal ? SheetReading.Refused(refusal)
        : Path.GetExtension(fileName).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? Csv(content)
        : Workbook(new MemoryStream(content, writable: false));

    /// <summary>Why a file of this name and length is refused before it is read: empty, of another type, or too large.</summary>
    public static string? Refusal(string fileName, long length) =>
        length == 0 ? "Select an Excel (.xlsx) or CSV file with the action plan"
        : TypeProblem(Path.GetExtension(fileName).ToLowerInvariant()) is { } typeProblem ? typeProblem
        : length > MaxBytes ? $"The file must be smaller than {MaxBytes / 1024 / 1024} MB"
        : null;

    private static string? TypeProblem(string extension) => extension switch
    {
        ".xlsx" or ".csv" => null,
        ".xls" => "The file is an old Excel workbook (.xls): save it as an Excel workbook (.xlsx) or CSV and upload that",
        ".xlsm" or ".xltm" => "The file is a macro-enabled workbook: save it as an Excel workbook (.xlsx) without macros, or as CSV",
        _ => "The file must be an Excel workbook (.xlsx) or a CSV file",
    };

    private static SheetReading Workbook(MemoryStream content)
    {
        if (ZipProblem(content) is { } problem)
        {
            return SheetReading.Refused(problem);
        }

        content.Position = 0;
        return WorkbookCells.Read(content);
    }

    /// <summary>Looks at the zip's directory before anything unpacks it.</summary>
    private static string? ZipProblem(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return "The workbook unpacks to far more than an action plan needs: save the plan's sheet on its own and upload that";
            }

            return zip.GetEntry("xl/workbook.xml") is null && zip.GetEntry("[Content_Types].xml") is null
                ? "The file is not an Excel workbook (.xlsx): save it from Excel as an Excel workbook, or as CSV"
                : null;
        }
        catch (InvalidDataException)
        {
            return "The file is not an Excel workbook (.xlsx), or it is damaged or password-protected: save it from Excel as an Excel workbook without a password, or as CSV";
        }
    }

    private static SheetReading Csv(byte[] content)
    {
        if (content.AsSpan().IndexOf((byte)0) >= 0)
        {
            return SheetReading.Refused("The file is not a CSV file: save the sheet from Excel as CSV UTF-8 and upload that");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return SheetReading.Refused("The file's text is not UTF-8: save it from Excel as \"CSV UTF-8 (Comma delimited)\" and upload that");
        }

        // A record is a row as a spreadsheet shows it, whatever line breaks its quoted cells hold.
        using var reader = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = false });
        var rows = new List<SheetRow>();
        while (reader.Read() && rows.Count <= MaxRows)
        {
            rows.Add(new SheetRow((int)reader.RowNumber, [.. Enumerable.Range(0, reader.FieldCount).Select(i => Unescaped(reader.GetString(i)))]));
        }

        return Sheet(rows);
    }

    /// <summary>The export escapes a cell that starts like a formula with a <c>'</c> (decision 0013); it comes off again here.</summary>
    private static string? Unescaped(string value) =>
        value.Length == 0 ? null
        : value.Length > 1 && value[0] == ActionCsv.InjectionEscape && ActionCsv.InjectionCharacters.Contains(value[1]) ? value[1..]
        : value;

    /// <summary>The first row that is not blank is the header.</summary>
    public static SheetReading Sheet(List<SheetRow> rows)
    {
        var header = rows.FirstOrDefault(r => !r.IsBlank);
        if (header is null)
        {
            return SheetReading.Refused("The file is empty: it needs a header row and a row for each action");
        }

        if (rows.Count > MaxRows)
        {
            return SheetReading.Refused($"The file has more than {MaxRows} rows: an action plan needs far fewer");
        }

        var names = header.Cells.Select(c => c?.Trim() ?? "").ToList();
        return new SheetReading(new UploadedSheet(names, [.. rows.Where(r => r.Number > header.Number && !r.IsBlank)]), null);
    }
}
