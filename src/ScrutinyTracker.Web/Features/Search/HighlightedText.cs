using System.Text.RegularExpressions;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// A piece of a hit's text in context, matched or not. Views write each piece as encoded text inside or
/// outside a <c>&lt;mark&gt;</c>, so no text typed by a user is ever written as HTML.
/// </summary>
public sealed record HighlightedText(string Text, bool IsMatch)
{
    /// <summary>Marks the start and end of a match in the text a database returns; control characters, refused in typed text.</summary>
    public const char Start = '\u0002';
    public const char End = '\u0003';

    public static IReadOnlyList<HighlightedText> FromMarked(string marked)
    {
        var pieces = new List<HighlightedText>();
        var rest = marked.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(Start);
            if (start < 0)
            {
                pieces.Add(new HighlightedText(rest.ToString(), false));
                break;
            }

            if (start > 0)
            {
                pieces.Add(new HighlightedText(rest[..start].ToString(), false));
            }

            rest = rest[(start + 1)..];
            var end = rest.IndexOf(End);
            end = end < 0 ? rest.Length : end;
            pieces.Add(new HighlightedText(rest[..end].ToString(), true));
            rest = end < rest.Length ? rest[(end + 1)..] : [];
        }

        return [.. pieces.Where(p => p.Text.Length > 0)];
    }
}

/// <summary>
/// Words in context for SQL Server, whose full-text search has no snippet function: the words around the
/// first match, each word that starts with a searched word marked (so "trained" marks for "train").
/// </summary>
public static partial class ContextWindow
{
    public const int WordsAround = 12;

    public static string Mark(string text, IEnumerable<string> words)
    {
        var stems = words.Where(w => w.Length > 0).Select(Stem).ToArray();
        var tokens = Token().Matches(text).ToList();
        bool Matches(Match token) => stems.Any(stem => token.Value.StartsWith(stem, StringComparison.OrdinalIgnoreCase));
        var first = tokens.FindIndex(Matches);
        var from = Math.Max(0, first - WordsAround);
        var to = Math.Min(tokens.Count, Math.Max(first, 0) + WordsAround + 1);
        var marked = string.Concat(tokens.Skip(from).Take(to - from).Select((t, i) =>
            (i == 0 ? "" : " ") + (Matches(t) ? $"{HighlightedText.Start}{t.Value}{HighlightedText.End}" : t.Value)));
        return (from > 0 ? "…" : "") + marked + (to < tokens.Count ? "…" : "");
    }

    /// <summary>A word without a common English ending, as SQL Server's inflections would match it: "training" to "train".</summary>
    private static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    private static readonly string[] Endings = ["ing", "ed", "es", "s"];

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();
}
