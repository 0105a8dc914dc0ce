using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Pdf;

namespace ScrutinyTracker.Web.Features.Exports;

public enum SpreadsheetFormat
{
    Excel,
    Csv,
}

/// <summary>The actions spreadsheet as a download, in the format asked for.</summary>
public static class ActionSpreadsheet
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static FileContentResult Download(IReadOnlyList<ActionRow> rows, PrintedDocumentName name, SpreadsheetFormat format) => format switch
    {
        SpreadsheetFormat.Excel => new(ActionWorkbook.Write(rows, name.Title), ExcelContentType) { FileDownloadName = name.FileNameWith(".xlsx") },
        _ => new(ActionCsv.Write(rows), CsvContentType) { FileDownloadName = name.FileNameWith(".csv") },
    };
}
