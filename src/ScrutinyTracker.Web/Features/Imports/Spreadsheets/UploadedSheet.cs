namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// The cells of an uploaded spreadsheet: the header row's names and each row below it with its row number
/// as the spreadsheet shows it (the header is row 1), so messages can point at the row to fix.
/// Empty cells are null; every value is the text the cell shows.
/// </summary>
public sealed record UploadedSheet(IReadOnlyList<string> Header, IReadOnlyList<SheetRow> Rows);

public sealed record SheetRow(int Number, IReadOnlyList<string?> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>Either the sheet or why the file could not be read, in words that say what to do.</summary>
public sealed record SheetReading(UploadedSheet? Sheet, string? Problem)
{
    public static SheetReading Refused(string problem) => new(null, problem);
}
