using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// The part of a search's SQL both providers share. A provider's matches (<c>[Key]</c> = source Id * 8 +
/// <see cref="SearchKind"/>, ReviewId, ActionId, RoundId, Score lower-is-better, Body or null) are kept to the
/// searcher's rights and filters (<see cref="Visible"/>) before anything is capped; the provider takes at most
/// <c>@cap1</c> (the cap + 1) of them as the candidates <c>c</c> (decision 0022); <see cref="Page"/> counts the
/// candidates and joins the review, action, round and update for the shown page only, in one query.
/// </summary>
public static class SearchSql
{
    public const string EffectiveGrade = "CASE WHEN d.Outcome = 'GradeChanged' AND d.Grade IS NOT NULL THEN d.Grade ELSE u.Grade END";

    /// <summary>The matches the searcher may read and that pass the filters; the provider puts its cap after this.</summary>
    public static string Visible(string matches) => $"""
        SELECT h.[Key] AS [Key], h.ReviewId AS ReviewId, h.ActionId AS ActionId, h.RoundId AS RoundId, h.Score AS Score, h.Body AS Body
        FROM ({matches}) h
        JOIN Reviews r ON r.Id = h.ReviewId
        LEFT JOIN ProgressUpdates u ON h.[Key] % 8 = 6 AND u.Id = h.[Key] / 8
        LEFT JOIN CommitteeDecisions d ON d.ProgressUpdateId = u.Id
        WHERE (@published = 0 OR r.PublishedAtUtc IS NOT NULL)
          AND (@linkOfficer IS NULL OR EXISTS (SELECT 1 FROM ReviewLinkOfficers l WHERE l.ReviewId = r.Id AND l.UserId = @linkOfficer))
          AND (@acceptedOnly = 0 OR h.[Key] % 8 <> 6 OR u.Status = 'Accepted')
          AND (h.[Key] % 8 <> 6 OR u.Id IS NOT NULL)
          AND (@committee IS NULL OR r.SelectCommitteeId = @committee)
          AND (@grade IS NULL OR {EffectiveGrade} = @grade)
          AND (@status IS NULL OR u.Status = @status)
        """;

    /// <param name="candidates">The provider's common table expression <c>c</c>: at most <c>@cap1</c> visible matches per source of candidates.</param>
    /// <param name="paging">The provider's clause taking @take rows after @skip, in the order Score, Key.</param>
    public static string Page(string candidates, string paging) => $"""
        WITH {candidates}
        SELECT h.[Key] AS [Key], h.ReviewId AS ReviewId, r.Title AS ReviewTitle, sc.Name AS SelectCommittee,
            COALESCE(h.ActionId,
                (SELECT MIN(x.Id) FROM PlanActions x WHERE x.RecommendationId = kr.Id AND x.PartId IS NULL),
                (SELECT MIN(x.Id) FROM PlanActions x WHERE x.PartId = p.Id)) AS ActionId,
            a.Heading AS ActionHeading,
            COALESCE(ar.Number, kr.Number, pr.Number) AS RecommendationNumber,
            COALESCE(ap.Letter, p.Letter) AS PartLetter,
            h.RoundId AS RoundId, ro.Label AS RoundLabel, u.Status AS UpdateStatus, {EffectiveGrade} AS Grade,
            h.Body AS Body, (SELECT COUNT(*) FROM c) AS Total
        FROM (SELECT c.[Key], c.ReviewId, c.ActionId, c.RoundId, c.Score, c.Body FROM c ORDER BY c.Score, c.[Key] {paging}) h
        JOIN Reviews r ON r.Id = h.ReviewId
        JOIN SelectCommittees sc ON sc.Id = r.SelectCommitteeId
        LEFT JOIN PlanActions a ON a.Id = h.ActionId
        LEFT JOIN Recommendations ar ON ar.Id = a.RecommendationId
        LEFT JOIN RecommendationParts ap ON ap.Id = a.PartId
        LEFT JOIN Recommendations kr ON h.[Key] % 8 = 2 AND kr.Id = h.[Key] / 8
        LEFT JOIN RecommendationParts p ON h.[Key] % 8 = 3 AND p.Id = h.[Key] / 8
        LEFT JOIN Recommendations pr ON pr.Id = p.RecommendationId
        LEFT JOIN Rounds ro ON ro.Id = h.RoundId
        LEFT JOIN ProgressUpdates u ON h.[Key] % 8 = 6 AND u.Id = h.[Key] / 8
        LEFT JOIN CommitteeDecisions d ON d.ProgressUpdateId = u.Id
        ORDER BY h.Score, h.[Key]
        """;

    /// <summary>The parameters of <see cref="Page"/>, made by the provider's own parameter type.</summary>
    public static IEnumerable<DbParameter> Parameters(Func<string, object?, DbParameter> parameter, SearchScope scope, SearchFilters filters, SearchWindow window) =>
    [
        parameter("@published", scope.PublishedOnly ? 1 : 0),
        parameter("@acceptedOnly", scope.AcceptedEvidenceOnly ? 1 : 0),
        parameter("@linkOfficer", scope.LinkOfficerId),
        parameter("@committee", filters.SelectCommitteeId),
        parameter("@grade", filters.Grade is { } grade ? (int)grade : null),
        parameter("@status", filters.Status?.ToString()),
        parameter("@skip", window.Skip),
        parameter("@take", window.Take),
        parameter("@cap1", window.Cap + 1),
    ];

    public static async Task<List<SearchRow>> ReadAsync(ScrutinyDbContext db, string sql, IEnumerable<DbParameter> parameters, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<SearchRow>(sql, [.. parameters]).AsNoTracking().ToListAsync(cancellationToken);

    public static SearchHit ToHit(SearchRow row, IReadOnlyList<HighlightedText> context) => new(
        (SearchKind)(row.Key % 8), row.ReviewId, row.ReviewTitle, row.SelectCommittee, row.ActionId, row.ActionHeading,
        row.RecommendationNumber, row.PartLetter, row.RoundId, row.RoundLabel,
        Enum.TryParse<UpdateStatus>(row.UpdateStatus, out var status) ? status : null,
        row.Grade is { } grade ? (Grade)grade : null,
        context);
}

/// <summary>A row of <see cref="SearchSql.Page"/>.</summary>
public sealed class SearchRow
{
    public long Key { get; set; }
    public int ReviewId { get; set; }
    public string ReviewTitle { get; set; } = "";
    public string SelectCommittee { get; set; } = "";
    public int? ActionId { get; set; }
    public string? ActionHeading { get; set; }
    public int? RecommendationNumber { get; set; }
    public string? PartLetter { get; set; }
    public int? RoundId { get; set; }
    public string? RoundLabel { get; set; }
    public string? UpdateStatus { get; set; }
    public int? Grade { get; set; }

    /// <summary>The whole text, where the provider cannot mark words in context itself.</summary>
    public string? Body { get; set; }

    public int Total { get; set; }
}
