using System.Security.Claims;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// The database's own full-text search over every review's texts (decision 0020): SQLite FTS5 by default
/// (<see cref="SqliteFullTextSearch"/>), SQL Server full-text search in production (<see cref="SqlServerFullTextSearch"/>).
/// One page of ranked hits, within what the searcher may see, in a fixed number of queries; at most
/// <see cref="SearchWindow.Cap"/> hits are ranked and paged, so a broad search costs no more in a large archive
/// than in a small one (decision 0022).
/// </summary>
public interface IFullTextSearch
{
    Task<SearchResults> SearchAsync(SearchTerms terms, SearchScope scope, SearchFilters filters, SearchWindow window, CancellationToken cancellationToken);
}

/// <summary>The page asked for, within the cap: no more than <see cref="Cap"/> hits are ranked, and pages end there.</summary>
public sealed record SearchWindow(int Page, int PageSize, int Cap)
{
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The rows of this page that lie within the cap; none beyond it.</summary>
    public int Take => Math.Clamp(Cap - Skip, 0, PageSize);
}

/// <summary>How many hits a search ranks at most (configuration section <c>Search</c>, decision 0022).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int MaxResults { get; set; } = 1000;
}

/// <summary>What a searcher may find, worked out once from who they are (decision 0021).</summary>
/// <param name="PublishedOnly">Only published reviews: the public.</param>
/// <param name="AcceptedEvidenceOnly">Only accepted updates' evidence: the public and committee members.</param>
/// <param name="LinkOfficerId">Only the reviews this link officer is assigned to; null for those who see every review.</param>
/// <param name="Nothing">A signed-in user with no role that reads reviews.</param>
public sealed record SearchScope(bool PublishedOnly, bool AcceptedEvidenceOnly, string? LinkOfficerId, bool Nothing = false)
{
    public static SearchScope Public { get; } = new(PublishedOnly: true, AcceptedEvidenceOnly: true, LinkOfficerId: null);

    /// <summary>The same rules as the reports: <c>ReviewAccess.VisibleReviews</c> and <see cref="ReportDrafts"/>.</summary>
    public static SearchScope For(ClaimsPrincipal user)
    {
        var acceptedOnly = !ReportDrafts.MayInclude(user);
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.ScrutinyOfficer) || user.IsInRole(Roles.CommitteeMember))
        {
            return new SearchScope(false, acceptedOnly, null);
        }

        return user.IsInRole(Roles.LinkOfficer) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new SearchScope(false, acceptedOnly, id)
            : new SearchScope(false, true, null, Nothing: true);
    }
}

/// <summary>The filters of a search; grade and status are those of an update, so they keep evidence only.</summary>
public sealed record SearchFilters(int? SelectCommitteeId, Grade? Grade, UpdateStatus? Status);

/// <summary>What a hit's text is. The number is part of the index's row key (Id * 8 + kind), in both providers.</summary>
public enum SearchKind
{
    ReviewTitle = 1,
    Recommendation = 2,
    Part = 3,
    AgreedAction = 4,
    SuccessMeasure = 5,
    Evidence = 6,
}

/// <summary>One text that matched, with where it belongs and its words in context (<see cref="Context"/>).</summary>
public sealed record SearchHit(
    SearchKind Kind,
    int ReviewId,
    string ReviewTitle,
    string SelectCommittee,
    int? ActionId,
    string? ActionHeading,
    int? RecommendationNumber,
    string? PartLetter,
    int? RoundId,
    string? RoundLabel,
    UpdateStatus? UpdateStatus,
    Grade? Grade,
    IReadOnlyList<HighlightedText> Context);

/// <param name="Total">The hits there are, or the cap when <paramref name="Capped"/>.</param>
/// <param name="Capped">More hits than the cap matched: only the first <paramref name="Total"/> are ranked and shown.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool Capped = false)
{
    public static SearchResults None { get; } = new([], 0);

    /// <summary>From the count of candidates (at most the cap + 1 per source of candidates).</summary>
    public static SearchResults From(IReadOnlyList<SearchHit> hits, int candidates, int cap) =>
        candidates > cap ? new(hits, cap, Capped: true) : new(hits, candidates);
}
