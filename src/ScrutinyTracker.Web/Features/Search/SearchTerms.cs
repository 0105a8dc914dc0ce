using System.Text;
using System.Text.RegularExpressions;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// The words and "quoted phrases" a person typed, and nothing else: operators, brackets and column
/// names of either database's query language are never passed through, so no input can change the
/// query's meaning or make it fail. Every word must match; a query of several words also ranks the
/// texts holding them as one phrase first (<see cref="WholePhrase"/>).
/// </summary>
public sealed partial class SearchTerms
{
    public const int MaxLength = 200;
    private const int MaxTerms = 12;

    private SearchTerms(IReadOnlyList<string> words, IReadOnlyList<string> phrases)
    {
        Words = words;
        Phrases = phrases;
    }

    /// <summary>Single words, outside quotes.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Quoted phrases, each of two words or more, their words separated by one space.</summary>
    public IReadOnlyList<string> Phrases { get; }

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    /// <summary>Every word, in phrases too, for highlighting.</summary>
    public IEnumerable<string> AllWords => Words.Concat(Phrases.SelectMany(p => p.Split(' ')));

    public static SearchTerms Parse(string? text)
    {
        var words = new List<string>();
        var phrases = new List<string>();
        var input = (text ?? "").Length > MaxLength ? text![..MaxLength] : text ?? "";
        foreach (Match match in Term().Matches(input))
        {
            var tokens = Word().Matches(match.Value).Select(m => m.Value.ToLowerInvariant()).ToList();
            if (match.Value.StartsWith('"') && tokens.Count > 1)
            {
                phrases.Add(string.Join(' ', tokens));
            }
            else
            {
                words.AddRange(tokens);
            }
        }

        return new SearchTerms([.. words.Distinct().Take(MaxTerms)], [.. phrases.Distinct().Take(MaxTerms)]);
    }

    /// <summary>An FTS5 query: each term quoted (so never an operator), all required.</summary>
    public string ToFts5() => string.Join(' ', Phrases.Concat(Words).Select(t => $"\"{t}\""));

    /// <summary>
    /// Several words typed without quotes, as one FTS5 phrase: texts holding them together rank first
    /// (BM25 alone favours short texts that hold the words anywhere). Null for one word or quoted phrases.
    /// </summary>
    public string? WholePhrase => Phrases.Count == 0 && Words.Count > 1 ? $"\"{string.Join(' ', Words)}\"" : null;

    /// <summary>A SQL Server CONTAINS condition: phrases as phrases, words with their inflections, all required.</summary>
    public string ToContains()
    {
        var builder = new StringBuilder();
        if (WholePhrase is { } phrase)
        {
            builder.Append(phrase).Append(" OR (");
        }

        var all = builder.Length;
        foreach (var term in Phrases.Select(p => $"\"{p}\"").Concat(Words.Select(w => $"FORMSOF(INFLECTIONAL, \"{w}\")")))
        {
            builder.Append(builder.Length == all ? "" : " AND ").Append(term);
        }

        return WholePhrase is null ? builder.ToString() : builder.Append(')').ToString();
    }

    public override string ToString() => string.Join(' ', Phrases.Select(p => $"\"{p}\"").Concat(Words));

    [GeneratedRegex("\"[^\"]*\"?|[^\"\\s]+")]
    private static partial Regex Term();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
