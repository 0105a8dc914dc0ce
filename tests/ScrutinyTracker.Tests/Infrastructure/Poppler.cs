using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Shouldly;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>Reads PDFs back with poppler-utils (pdftotext, pdfinfo, pdftohtml), as a reader of the published file would see them.</summary>
public static partial class Poppler
{
    /// <summary>The text in content order (<c>pdftotext -raw</c>), with runs of whitespace made single spaces.</summary>
    public static async Task<string> TextAsync(byte[] pdf) => Squash(await RunAsync("pdftotext", pdf, "-raw -enc UTF-8 {0} -"));

    /// <summary>The text page by page, each squashed as <see cref="TextAsync"/> does.</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(byte[] pdf) =>
        (await RunAsync("pdftotext", pdf, "-raw -enc UTF-8 {0} -")).Split('\f').SkipLast(1).Select(Squash).ToList();

    /// <summary>pdfinfo's fields ("Tagged" → "yes", "Page size" → "595.276 x 841.89 pts (A4)", "Title" …).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> InfoAsync(byte[] pdf) =>
        (await RunAsync("pdfinfo", pdf, "-enc UTF-8 {0}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());

    /// <summary>The structure tree (<c>pdfinfo -struct</c>): one tag per line, indented by depth, attributes such as <c>/Scope /Row</c> beneath.</summary>
    public static Task<string> StructureAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, "-struct {0}");

    /// <summary>
    /// The tag tree as a screen reader follows it (<c>pdfinfo -struct-text</c>): every structure
    /// element's text in reading order, and the complaints pdfinfo printed about the tree (an element
    /// of a type PDF 1.7 does not know, e.g. "StructElem object is wrong type (Strong)", is dropped with its text).
    /// </summary>
    public static async Task<TaggedText> TaggedTextAsync(byte[] pdf)
    {
        var (output, errors) = await RunWithErrorsAsync("pdfinfo", pdf, "-enc UTF-8 -struct-text {0}");
        var lines = output.Split('\n');
        return new TaggedText(
            lines.Select(line => line.Trim()).Where(line => line.Length >= 2 && line[0] == '"' && line[^1] == '"').Select(line => line[1..^1]).ToList(),
            // "Object …" lines are object references (a link's annotation, say), content of an element rather than an element.
            lines.Select(line => line.Trim()).Where(line => line.Length > 0 && line[0] != '"' && !line.StartsWith('/') && !line.StartsWith("Object ", StringComparison.Ordinal))
                .Select(line => line.Split(' ', '<', ':')[0]).ToList(),
            errors.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            lines.Select(line => line.Trim()).ToList());
    }

    /// <summary>How many pixels of the first page, rendered at 30 dpi (<c>pdftoppm</c>), are clearly red: a colour only a style can have put there.</summary>
    public static async Task<int> RedPixelsOnFirstPageAsync(byte[] pdf)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"scrutinytracker-{Guid.NewGuid():N}");
        await RunAsync("pdftoppm", pdf, $"-r 30 -singlefile -f 1 -l 1 {{0}} {prefix}");
        try
        {
            // A binary PPM: "P6", width and height, maximum value, then three bytes a pixel.
            var image = await File.ReadAllBytesAsync(prefix + ".ppm");
            var header = 0;
            for (var fields = 0; fields < 4; header++)
            {
                if (char.IsWhiteSpace((char)image[header]) && !char.IsWhiteSpace((char)image[header - 1]))
                {
                    fields++;
                }
            }

            var red = 0;
            for (var i = header; i + 2 < image.Length; i += 3)
            {
                red += image[i] > 180 && image[i + 1] < 90 && image[i + 2] < 90 ? 1 : 0;
            }

            return red;
        }
        finally
        {
            File.Delete(prefix + ".ppm");
        }
    }

    /// <summary>Every structure type PDF 1.7 defines (ISO 32000-1, 14.8.4); anything else needs a RoleMap, which Chromium does not write.</summary>
    public static IReadOnlySet<string> Pdf17StructureTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
        "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
        "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
        "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
        "Figure", "Formula", "Form",
    };

    /// <summary>The titles of the document's bookmarks, top level and nested, in order.</summary>
    public static async Task<IReadOnlyList<string>> BookmarksAsync(byte[] pdf)
    {
        var xml = await RunAsync("pdftohtml", pdf, "-xml -i -stdout -q {0}");
        var outline = xml.IndexOf("<outline", StringComparison.Ordinal);
        return outline < 0
            ? []
            : OutlineItem().Matches(xml[outline..]).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();
    }

    /// <summary>The page numbers of the document's images, one per image (<c>pdfimages -list</c>).</summary>
    public static async Task<IReadOnlyList<int>> ImagePagesAsync(byte[] pdf) =>
        (await RunAsync("pdfimages", pdf, "-list {0}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2)
            .Select(line => int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>pdfinfo names the page size A4, and it is A4 (595.28 x 841.89 pt) to within a point.</summary>
    public static void ShouldBeA4(IReadOnlyDictionary<string, string> info)
    {
        var size = info["Page size"];
        size.ShouldEndWith("pts (A4)");
        var points = size.Split(' ').Where(p => double.TryParse(p, CultureInfo.InvariantCulture, out _)).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
        points.Count.ShouldBe(2, size);
        points[0].ShouldBe(595.28, 1.0, size);
        points[1].ShouldBe(841.89, 1.0, size);
    }

    public static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    private static async Task<string> RunAsync(string tool, byte[] pdf, string arguments) => (await RunWithErrorsAsync(tool, pdf, arguments)).Output;

    private static async Task<(string Output, string Errors)> RunWithErrorsAsync(string tool, byte[] pdf, string arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"scrutinytracker-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(arguments, file)) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = StartOrExplain(start);
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
            }

            return (await output, await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"{start.FileName} was not found. The PDF tests read documents back with poppler-utils: apt-get install poppler-utils.", exception);
        }
    }

    /// <summary>What <see cref="TaggedTextAsync"/> read: the texts in reading order, the element types in tree order, pdfinfo's complaints, and the tree's lines, trimmed.</summary>
    public sealed record TaggedText(IReadOnlyList<string> Texts, IReadOnlyList<string> Types, IReadOnlyList<string> Errors, IReadOnlyList<string> Tree)
    {
        /// <summary>All the texts, one space between each, whitespace squashed.</summary>
        public string Joined => Squash(string.Join(' ', Texts));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<item[^>]*>([^<]*)</item>")]
    private static partial Regex OutlineItem();
}
