using Microsoft.Data.SqlClient;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// Search on SQL Server: CONTAINSTABLE over the full-text indexes of the source tables themselves (set up
/// as docs/deployment.md says), ranked by SQL Server's RANK, words in context marked here
/// (<see cref="ContextWindow"/>: SQL Server has no snippet function). One query. SQL Server cannot run
/// where this was written, so this class has never been run against a server (decision 0020). The same cap
/// as on SQLite (decision 0022): the best cap + 1 hits the searcher may read (TOP after the rights), pages
/// within the first cap; CONTAINSTABLE still ranks every match, as SQL Server has no way to stop early
/// that would keep the rights before the cap (its top_n_by_rank would cap before them).
/// </summary>
public sealed class SqlServerFullTextSearch(ScrutinyDbContext db) : IFullTextSearch
{
    /// <summary>Each source's matches; RANK is higher-is-better and per table, so it is negated to sort with the others.</summary>
    private const string Matches = """
        SELECT CAST(s.Id AS bigint) * 8 + 1 AS [Key], s.Id AS ReviewId, CAST(NULL AS int) AS ActionId, CAST(NULL AS int) AS RoundId, -k.[RANK] AS Score, s.Title AS Body
            FROM CONTAINSTABLE(Reviews, Title, @match) k JOIN Reviews s ON s.Id = k.[KEY]
        UNION ALL SELECT CAST(s.Id AS bigint) * 8 + 2, s.ReviewId, NULL, NULL, -k.[RANK], s.Text
            FROM CONTAINSTABLE(Recommendations, Text, @match) k JOIN Recommendations s ON s.Id = k.[KEY]
        UNION ALL SELECT CAST(s.Id AS bigint) * 8 + 3, c.ReviewId, NULL, NULL, -k.[RANK], s.Text
            FROM CONTAINSTABLE(RecommendationParts, Text, @match) k JOIN RecommendationParts s ON s.Id = k.[KEY] JOIN Recommendations c ON c.Id = s.RecommendationId
        UNION ALL SELECT CAST(s.Id AS bigint) * 8 + 4, c.ReviewId, s.Id, NULL, -k.[RANK], s.AgreedAction
            FROM CONTAINSTABLE(PlanActions, AgreedAction, @match) k JOIN PlanActions s ON s.Id = k.[KEY] JOIN Recommendations c ON c.Id = s.RecommendationId
        UNION ALL SELECT CAST(s.Id AS bigint) * 8 + 5, c.ReviewId, s.Id, NULL, -k.[RANK], s.SuccessMeasure
            FROM CONTAINSTABLE(PlanActions, SuccessMeasure, @match) k JOIN PlanActions s ON s.Id = k.[KEY] JOIN Recommendations c ON c.Id = s.RecommendationId
        UNION ALL SELECT CAST(s.Id AS bigint) * 8 + 6, o.ReviewId, s.PlanActionId, s.RoundId, -k.[RANK], s.Evidence
            FROM CONTAINSTABLE(ProgressUpdates, Evidence, @match) k JOIN ProgressUpdates s ON s.Id = k.[KEY] JOIN Rounds o ON o.Id = s.RoundId
        """;

    private static readonly string PageSql = SearchSql.Page(
        $"c AS (SELECT TOP (@cap1) v.* FROM ({SearchSql.Visible(Matches)}) v ORDER BY v.Score, v.[Key])",
        "OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY");

    public async Task<SearchResults> SearchAsync(SearchTerms terms, SearchScope scope, SearchFilters filters, SearchWindow window, CancellationToken cancellationToken)
    {
        if (terms.IsEmpty || scope.Nothing || window.Take == 0)
        {
            return SearchResults.None;
        }

        List<SearchRow> rows;
        try
        {
            rows = await SearchSql.ReadAsync(db, PageSql,
                SearchSql.Parameters(Parameter, scope, filters, window).Append(Parameter("@match", terms.ToContains())), cancellationToken);
        }
        catch (SqlException e) when (e.Number is NotFullTextIndexed or NotInstalled or NotEnabled)
        {
            throw new InvalidOperationException(
                "Search needs SQL Server's full-text indexes. Install Full-Text Search and create the indexes as docs/deployment.md says ('Search on SQL Server').", e);
        }

        var words = terms.AllWords.ToList();
        return rows.Count == 0
            ? SearchResults.None
            : SearchResults.From([.. rows.Select(r => SearchSql.ToHit(r, HighlightedText.FromMarked(ContextWindow.Mark(r.Body ?? "", words))))], rows[0].Total, window.Cap);
    }

    private const int NotFullTextIndexed = 7601;
    private const int NotInstalled = 7609;
    private const int NotEnabled = 7616;

    private static SqlParameter Parameter(string name, object? value) => new(name, value ?? DBNull.Value);
}
