using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ScrutinyTracker.Web.Features.Exports.Word;

/// <summary>
/// Writes a Word document with the Open XML SDK: A4 pages, Arial, British English, Word's own
/// "heading 1"–"heading 4" styles (so the navigation pane, a table of contents and screen readers
/// find them) and tables whose first row is a repeating header row with a caption as alt text.
/// </summary>
public static partial class WordPackage
{
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;

    /// <summary>The width inside the margins, in twentieths of a point.</summary>
    public const int TextWidth = PageWidth - 2 * Margin;

    public static byte[] Write(string title, IEnumerable<OpenXmlElement> body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Language = "en-GB";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = WordStyles.Create();
            // Without it Word opens the document in compatibility mode, where tables lose their alt text.
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }));
            main.Document = new Document(new Body(body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 }))));
        }

        return stream.ToArray();
    }

    /// <param name="newPage">Start the heading on a new page (each review of a committee pack).</param>
    public static Paragraph Heading(int level, string text, bool newPage = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{Math.Clamp(level, 1, WordStyles.HeadingLevels)}" });
        if (newPage)
        {
            properties.Append(new PageBreakBefore());
        }

        return new Paragraph(properties, Run(text));
    }

    public static Paragraph Text(string text, bool bold = false) => new(Run(text, bold));

    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), Run(text));

    /// <summary>
    /// Typed text as the paragraphs it was typed in: a blank line starts a new paragraph, a single line break
    /// is a line break inside one (as the report's <c>&lt;paragraphs&gt;</c> shows it). Nothing for blank text.
    /// </summary>
    public static IEnumerable<Paragraph> TypedParagraphs(string? text)
    {
        var normalised = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n');
        if (normalised.Trim().Length == 0)
        {
            yield break;
        }

        foreach (var paragraph in BlankLines().Split(normalised))
        {
            var lines = paragraph.Split('\n');
            var element = new Paragraph();
            for (var i = 0; i < lines.Length; i++)
            {
                var run = new Run();
                if (i > 0)
                {
                    run.Append(new Break());
                }

                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
                element.Append(run);
            }

            yield return element;
        }
    }

    /// <summary>
    /// A table of the given column widths: <paramref name="header"/> is its first row, marked as a header row
    /// that repeats on each page; <paramref name="caption"/> is its alt text. The first column's cells are bold
    /// when <paramref name="labelled"/>, as the council's row labels are.
    /// </summary>
    public static Table Table(string caption, IReadOnlyList<int> widths, IReadOnlyList<IEnumerable<Paragraph>>? header, IEnumerable<IReadOnlyList<IEnumerable<Paragraph>>> rows, bool labelled)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = WordStyles.TableGrid },
                new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { FirstRow = header is not null, FirstColumn = labelled, NoHorizontalBand = true, NoVerticalBand = true },
                new TableCaption { Val = caption }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        if (header is not null)
        {
            table.Append(Row(header, widths, isHeader: true, labelled: false));
        }

        foreach (var row in rows)
        {
            table.Append(Row(row, widths, isHeader: false, labelled));
        }

        return table;
    }

    /// <summary>Column widths: a label column of <paramref name="labelWidth"/>, the rest shared by <paramref name="columns"/>.</summary>
    public static IReadOnlyList<int> Widths(int labelWidth, int columns) =>
        [labelWidth, .. Enumerable.Repeat((TextWidth - labelWidth) / Math.Max(1, columns), columns)];

    private static TableRow Row(IReadOnlyList<IEnumerable<Paragraph>> cells, IReadOnlyList<int> widths, bool isHeader, bool labelled)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new CantSplit(), new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var paragraphs = cells[i].ToList();
            if (paragraphs.Count == 0)
            {
                paragraphs.Add(new Paragraph());
            }

            if (isHeader || (labelled && i == 0))
            {
                foreach (var properties in paragraphs.SelectMany(p => p.Descendants<Run>()))
                {
                    properties.PrependChild(new RunProperties(new Bold()));
                }
            }

            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(paragraphs);
            row.Append(cell);
        }

        return row;
    }

    private static Run Run(string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A line break, then nothing but blanks up to at least one more: the same rule as the report's paragraphs.</summary>
    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
