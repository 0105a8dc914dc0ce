using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Reads a council progress-update (or action-plan) document, already checked by
/// <see cref="WordFileCheck"/>, into an <see cref="ImportedDocument"/>: the header, then each
/// "Recommendation N:" with its table, its lettered parts "a) …" with theirs, and the grading key at
/// the end. Nothing is saved; everything uncertain becomes a warning.
/// </summary>
public static partial class WordDocumentReader
{
    public static ImportedDocument Read(WordprocessingDocument word)
    {
        var body = word.MainDocumentPart?.Document?.Body
            ?? throw new WordFileRefusedException("The file has no document text: it is not a Word document ScrutinyTracker can read.");
        var state = new ReadingState();
        foreach (var block in WordText.Blocks(body))
        {
            if (block is Paragraph paragraph)
            {
                Take(state, WordText.Of(paragraph));
            }
            else
            {
                Take(state, TableGrid.Of((Table)block));
            }
        }

        return state.Finish();
    }

    private static void Take(ReadingState state, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (RecommendationHeading().Match(text) is { Success: true } recommendation)
        {
            state.StartRecommendation(int.Parse(recommendation.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture), recommendation.Groups["text"].Value.Trim());
        }
        else if (state.Recommendation is not null && PartHeading().Match(text) is { Success: true } part)
        {
            state.StartPart(part.Groups["letter"].Value.ToLowerInvariant(), part.Groups["text"].Value.Trim());
        }
        else if (state.Recommendation is null && (state.Header.TryTakeLine(text) || IsKnownPreamble(text)))
        {
            // The document's title, its header lines and its standard introduction.
        }
        else if (IsGradingsKey(text))
        {
            state.InGradingsKey = true;
        }
        else
        {
            state.Warnings.Add($"Text outside any table was not imported: “{Shorten(text)}”.");
        }
    }

    private static void Take(ReadingState state, TableGrid grid)
    {
        if (grid.Rows.Count == 0)
        {
            return;
        }

        if (state.Recommendation is null && TryTakeHeaderTable(state, grid))
        {
            return;
        }

        if (grid.Rows.Any(r => r.Any(c => IsGradingsKey(c.Text))) || state.InGradingsKey)
        {
            state.InGradingsKey = false;
            return; // the key to the grades, which the app prints itself
        }

        state.TakeTable(grid);
    }

    /// <summary>A header laid out as a table: each row a label and its value, or a cell "Review: Hate Crime".</summary>
    private static bool TryTakeHeaderTable(ReadingState state, TableGrid grid)
    {
        if (ActionTableReader.LooksLikeActionTable(grid))
        {
            return false;
        }

        var any = false;
        foreach (var row in grid.Rows)
        {
            var cells = row.DistinctBy(c => c.Id).Where(c => c.Text.Length > 0).ToList();
            any |= cells.Count >= 2 && state.Header.TryTake(cells[0].Text, cells[1].Text)
                || cells.Sum(c => c.Text.Split("\n\n").Count(state.Header.TryTakeLine)) > 0;
        }

        return any;
    }

    private static bool IsKnownPreamble(string text) =>
        text.StartsWith("SCRUTINY MONITORING", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Updates on the progress of actions", StringComparison.OrdinalIgnoreCase);

    private static bool IsGradingsKey(string text) => text.StartsWith("Assessment of Progress Grading", StringComparison.OrdinalIgnoreCase);

    internal static string Shorten(string text)
    {
        var flat = text.Replace("\n\n", " ").Replace('\n', ' ');
        return flat.Length <= 200 ? flat : flat[..200] + "…";
    }

    [GeneratedRegex(@"^Recommendation\s+(?<number>\d{1,3})\s*[:.\-–]?\s*(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex RecommendationHeading();

    [GeneratedRegex(@"^\(?(?<letter>[a-z]{1,2})\)\s*(?<text>.+)$", RegexOptions.Singleline)]
    private static partial Regex PartHeading();
}

/// <summary>A file refused before or while it was read, with the message the officer sees.</summary>
public sealed class WordFileRefusedException(string message) : Exception(message);
