using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// Search on SQLite: the FTS5 table <c>SearchIndex</c>, kept current by triggers in the transaction of each
/// change (migration SearchIndex, decision 0020), ranked by BM25, with FTS5's own snippets (it knows the
/// Porter stems, so "trained" is marked for "training"). Two queries: the page of hits and their snippets.
/// A broad search stops reading matches at the cap (decision 0022): FTS5 gives them in index order, each
/// kept to the searcher's rights first, and only the first cap + 1 the searcher may read are scored and
/// counted; texts holding the words typed as one phrase are looked for first, so they are never left out.
/// </summary>
public sealed class SqliteFullTextSearch(ScrutinyDbContext db) : IFullTextSearch
{
    private static string Matches(string match, string score) =>
        $"SELECT rowid AS [Key], ReviewId, ActionId, RoundId, {score} AS Score, NULL AS Body FROM SearchIndex WHERE SearchIndex MATCH {match}";

    /// <summary>At most the cap + 1 visible matches, in the index's order: FTS5 stops there, unscored beyond.</summary>
    private static string Capped(string match, string score) => $"SELECT * FROM ({SearchSql.Visible(Matches(match, score))} LIMIT @cap1)";

    private static readonly string PageSql = SearchSql.Page(
        $"c AS MATERIALIZED ({Capped("@match", "bm25(SearchIndex)")})", "LIMIT @take OFFSET @skip");

    /// <summary>The texts holding the words typed as one phrase come first, then BM25 (lower is better); each source capped.</summary>
    private static readonly string PagePhraseFirstSql = SearchSql.Page(
        $"""
        c AS MATERIALIZED (SELECT [Key], ReviewId, ActionId, RoundId, MIN(Score) AS Score, Body FROM (
            {Capped("@phrase", "bm25(SearchIndex) - 1000.0")}
            UNION ALL
            {Capped("@match", "bm25(SearchIndex)")}) GROUP BY [Key])
        """,
        "LIMIT @take OFFSET @skip");

    public async Task<SearchResults> SearchAsync(SearchTerms terms, SearchScope scope, SearchFilters filters, SearchWindow window, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty || scope.Nothing || window.Take == 0)
        {
            return SearchResults.None;
        }

        var match = terms.ToFts5();
        var parameters = SearchSql.Parameters(Parameter, scope, filters, window).Append(Parameter("@match", match));
        var rows = terms.WholePhrase is { } phrase
            ? await SearchSql.ReadAsync(db, PagePhraseFirstSql, parameters.Append(Parameter("@phrase", phrase)), cancellationToken)
            : await SearchSql.ReadAsync(db, PageSql, parameters, cancellationToken);
        if (rows.Count == 0)
        {
            return SearchResults.None;
        }

        var snippets = await SnippetsAsync(match, [.. rows.Select(r => r.Key)], cancellationToken);
        return SearchResults.From(
            [.. rows.Select(r => SearchSql.ToHit(r, HighlightedText.FromMarked(snippets.GetValueOrDefault(r.Key, ""))))],
            rows[0].Total, window.Cap);
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
