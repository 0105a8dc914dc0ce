using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ScrutinyTracker.Web.Features.Exports;

/// <summary>
/// Writes the actions spreadsheet as an Excel workbook with the Open XML SDK (decision 0013): one sheet,
/// a bold header row frozen above the rows, a filter on it, wrapped text aligned to the top, and set
/// column widths. Rows are streamed with <see cref="OpenXmlWriter"/>. Every value is an inline string or
/// a number, never a formula, so text such as "=HYPERLINK(…)" stays text.
/// </summary>
public static class ActionWorkbook
{
    public const string SheetName = "Actions";
    private const uint WrappedStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(IReadOnlyList<ActionRow> rows, string title)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = title;
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(sheetPart, rows);

            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }),
                new DefinedNames(new DefinedName($"'{SheetName}'!$A$1:${ColumnName(ActionColumns.All.Count)}${rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
                }));
        }

        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, IReadOnlyList<ActionRow> rows)
    {
        var columns = ActionColumns.All;
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenHeader());
        writer.WriteElement(new Columns(columns.Select((c, i) => new Column
        {
            Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, columns.Select(c => (object?)c.Header), HeaderStyle);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            WriteRow(writer, (uint)i + 2, columns.Select(c => c.Value(row)), WrappedStyle);
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(columns.Count)}{rows.Count + 1}" });
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IEnumerable<object?> values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        var column = 0;
        foreach (var value in values)
        {
            column++;
            var reference = $"{ColumnName(column)}{rowIndex}";
            switch (value)
            {
                case null:
                    break;
                case int number:
                    writer.WriteElement(new Cell(new CellValue(number)) { CellReference = reference, DataType = CellValues.Number, StyleIndex = style });
                    break;
                default:
                    writer.WriteElement(new Cell(new InlineString(new Text(XmlText(value.ToString()!)) { Space = SpaceProcessingModeValues.Preserve }))
                    {
                        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>The header row stays in view while the rows scroll under it.</summary>
    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    {
        WorkbookViewId = 0,
    });

    /// <summary>0: Excel's default; 1: wrapped and aligned to the top; 2: the same, bold, for the header.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Arial" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Arial" })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(Wrapped()) { FontId = 0, ApplyAlignment = true },
            new CellFormat(Wrapped()) { FontId = 1, ApplyAlignment = true, ApplyFont = true }));

    private static Alignment Wrapped() => new() { WrapText = true, Vertical = VerticalAlignmentValues.Top };

    /// <summary>1 → "A", 17 → "Q", 27 → "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (; column > 0; column = (column - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((column - 1) % 26)));
        }

        return name.ToString();
    }

    /// <summary>XML cannot hold some control characters; typed text never has them, but nothing may stop a download.</summary>
    private static string XmlText(string text) =>
        text.All(IsKept) ? text : new string([.. text.Where(IsKept)]);

    private static bool IsKept(char c) => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c);
}
