using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ScrutinyTracker.Tests.Features.Imports;

/// <summary>
/// Word documents written with the Open XML SDK, laid out as the council's or drifting from it, for the
/// importer's tests: paragraphs, tables of rows and cells (spans across columns, merges down rows,
/// Word list bullets), and the header as lines or as a table.
/// </summary>
public sealed class TestDocument
{
    public static string HateCrimePath { get; } = Path.Combine(AppContext.BaseDirectory, "Features", "Imports", "Documents", "hate-crime-progress-update-march-2020.docx");

    private readonly List<OpenXmlElement> _blocks = [];

    public TestDocument Paragraph(string text)
    {
        _blocks.Add(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    /// <summary>The header as the council writes it: lines of label and value.</summary>
    public TestDocument HeaderLines(string review = "Fly-tipping", string linkOfficers = "Marc Stephenson", string agreed = "March 2019", string linkLabel = "Link Officer/s")
    {
        Paragraph("SCRUTINY MONITORING – PROGRESS UPDATE");
        Paragraph($"Review: {review}");
        Paragraph($"{linkLabel}: {linkOfficers}");
        return Paragraph($"Action Plan Agreed: {agreed}");
    }

    public TestDocument Table(params TestRow[] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })));
        foreach (var row in rows)
        {
            var tableRow = new TableRow();
            foreach (var cell in row.Cells)
            {
                tableRow.Append(cell.ToElement());
            }

            table.Append(tableRow);
        }

        _blocks.Add(table);
        return this;
    }

    /// <summary>A one-action table: Responsibility, Date, Agreed Action, Agreed Success Measure, and the round's evidence and grade when given.</summary>
    public TestDocument ActionTable(string responsibility, string date, string action, string measure, string? evidence = null, string? grade = null, string round = "March 2020")
    {
        var rows = new List<TestRow>
        {
            TestRow.Of("Responsibility:", responsibility),
            TestRow.Of("Date:", date),
            TestRow.Of("Agreed Action:", action),
            TestRow.Of("Agreed Success Measure:", measure),
        };
        if (evidence is not null)
        {
            rows.Add(TestRow.Of($"Evidence of Progress ({round}):", evidence));
        }

        if (grade is not null)
        {
            rows.Add(new TestRow(new TestCell($"Assessment of Progress ({round}):", "(include explanation if required)"), new TestCell(grade)));
        }

        return Table([.. rows]);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(_blocks.Select(b => b.CloneNode(true))));
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        }

        return stream.ToArray();
    }
}

public sealed record TestRow(params TestCell[] Cells)
{
    public static TestRow Of(params string[] cells) => new(cells.Select(c => new TestCell(c)).ToArray());
}

/// <summary>A cell of paragraphs; <see cref="Span"/> columns wide; merged down (<see cref="Merge"/>); its paragraphs as a Word list when <see cref="WordList"/>.</summary>
public sealed record TestCell(params string[] Paragraphs)
{
    public int Span { get; init; } = 1;
    public MergedCellValues? Merge { get; init; }
    public bool WordList { get; init; }

    public TableCell ToElement()
    {
        var properties = new TableCellProperties();
        if (Span > 1)
        {
            properties.Append(new GridSpan { Val = Span });
        }

        if (Merge is { } merge)
        {
            var vertical = new VerticalMerge();
            if (merge == MergedCellValues.Restart)
            {
                vertical.Val = MergedCellValues.Restart;
            }

            properties.Append(vertical);
        }

        var cell = new TableCell(properties);
        foreach (var text in Paragraphs.DefaultIfEmpty(""))
        {
            var paragraph = new Paragraph();
            if (WordList)
            {
                paragraph.Append(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));
            }

            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            cell.Append(paragraph);
        }

        return cell;
    }
}
