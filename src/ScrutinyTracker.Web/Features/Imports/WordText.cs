using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// The text of Word paragraphs and cells as the app stores typed text: paragraphs separated by a blank
/// line, bullets ("•" and a tab, or Word's own lists) as "• " lines kept together, tabs and line
/// breaks as typed. Deleted tracked changes are left out.
/// </summary>
public static class WordText
{
    public const string Bullet = "• ";

    /// <summary>The block-level content in order, looking inside content controls.</summary>
    public static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is SdtBlock sdt && sdt.SdtContentBlock is { } content)
            {
                foreach (var inner in Blocks(content))
                {
                    yield return inner;
                }
            }
            else if (child is Paragraph or Table)
            {
                yield return child;
            }
        }
    }

    /// <summary>One paragraph's text; a bullet (typed or a Word list item) starts with "• ".</summary>
    public static string Of(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t when t.Parent is Run:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        var line = text.ToString().Trim();
        var typedBullet = line.Length > 0 && line[0] is '•' or '·' or '▪' or '\uF0B7' && line.Length > 1 && char.IsWhiteSpace(line[1]);
        if (typedBullet)
        {
            return Bullet + line[1..].Trim();
        }

        return IsListItem(paragraph) && line.Length > 0 ? Bullet + line : line;
    }

    /// <summary>The cell's paragraphs: blank lines between them, single line breaks between bullets.</summary>
    public static string Of(TableCell cell) => Join(cell.Descendants<Paragraph>().Where(p => !p.Ancestors<TableCell>().Skip(1).Any()).Select(Of));

    public static string Join(IEnumerable<string> paragraphs)
    {
        var text = new StringBuilder();
        var previousWasBullet = false;
        foreach (var paragraph in paragraphs.Where(p => p.Length > 0))
        {
            var bullet = paragraph.StartsWith(Bullet, StringComparison.Ordinal);
            if (text.Length > 0)
            {
                text.Append(bullet && previousWasBullet ? "\n" : "\n\n");
            }

            text.Append(paragraph);
            previousWasBullet = bullet;
        }

        return text.ToString();
    }

    private static bool IsListItem(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value is > 0;
}
