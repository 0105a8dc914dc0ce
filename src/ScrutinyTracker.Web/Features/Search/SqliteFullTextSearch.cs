using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// Search on SQLite: the FTS5 table <c>SearchIndex</c>, kept current by triggers in the transaction of each
/// change (migration SearchIndex, decision 0020), ranked by BM25, with FTS5's own snippets (it knows the
/// Porter stems, so "trained" is marked for "training"). Two queries: the page of hits and their snippets.
/// </summary>
public sealed class SqliteFullTextSearch(ScrutinyDbContext db) : IFullTextSearch
{
    private const string Matches =
        "SELECT rowid AS [Key], ReviewId, ActionId, RoundId, bm25(SearchIndex) AS Score, NULL AS Body FROM SearchIndex WHERE SearchIndex MATCH @match";

    /// <summary>The texts holding the words typed as one phrase come first, then BM25 (lower is better).</summary>
    private const string MatchesPhraseFirst = """
        SELECT rowid AS [Key], ReviewId, ActionId, RoundId,
            bm25(SearchIndex) - CASE WHEN rowid IN (SELECT p.rowid FROM SearchIndex p WHERE p.SearchIndex MATCH @phrase) THEN 1000.0 ELSE 0 END AS Score,
            NULL AS Body
        FROM SearchIndex WHERE SearchIndex MATCH @match
        """;

    private static readonly string PageSql = SearchSql.Page(Matches, "LIMIT @take OFFSET @skip");
    private static readonly string PagePhraseFirstSql = SearchSql.Page(MatchesPhraseFirst, "LIMIT @take OFFSET @skip");

    public async Task<SearchResults> SearchAsync(SearchTerms terms, SearchScope scope, SearchFilters filters, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty || scope.Nothing)
        {
            return new SearchResults([], 0);
        }

        var match = terms.ToFts5();
        var parameters = SearchSql.Parameters(Parameter, scope, filters, (page - 1) * pageSize, pageSize).Append(Parameter("@match", match));
        var rows = terms.WholePhrase is { } phrase
            ? await SearchSql.ReadAsync(db, PagePhraseFirstSql, parameters.Append(Parameter("@phrase", phrase)), cancellationToken)
            : await SearchSql.ReadAsync(db, PageSql, parameters, cancellationToken);
        if (rows.Count == 0)
        {
            return new SearchResults([], 0);
        }

        var snippets = await SnippetsAsync(match, [.. rows.Select(r => r.Key)], cancellationToken);
        return new SearchResults(
            [.. rows.Select(r => SearchSql.ToHit(r, HighlightedText.FromMarked(snippets.GetValueOrDefault(r.Key, ""))))],
            rows[0].Total);
    }

    private async Task<Dictionary<long, string>> SnippetsAsync(string match, IReadOnlyList<long> keys, CancellationToken cancellationToken)
    {
        var parameters = keys.Select((key, i) => Parameter($"@k{i}", key)).Append(Parameter("@match", match)).ToArray();
        var sql = $"""
            SELECT rowid AS [Key], snippet(SearchIndex, 0, char(2), char(3), '…', {ContextWindow.WordsAround * 2}) AS Text
            FROM SearchIndex WHERE SearchIndex MATCH @match AND rowid IN ({string.Join(", ", keys.Select((_, i) => $"@k{i}"))})
            """;
        var snippets = await db.Database.SqlQueryRaw<Snippet>(sql, parameters).ToListAsync(cancellationToken);
        return snippets.ToDictionary(s => s.Key, s => s.Text);
    }

    private static SqliteParameter Parameter(string name, object? value) => new(name, value ?? DBNull.Value);

    private sealed class Snippet
    {
        public long Key { get; set; }
        public string Text { get; set; } = "";
    }
}
