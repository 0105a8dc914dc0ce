using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// A page of search results for one searcher: the hits (<see cref="IFullTextSearch"/>) and the committees
/// to filter by, in three queries however many reviews there are; no more than
/// <see cref="SearchOptions.MaxResults"/> hits ranked and paged (decision 0022).
/// </summary>
public sealed class SearchPageQuery(IFullTextSearch search, ScrutinyDbContext db, IOptions<SearchOptions> options)
{
    public const int PageSize = 20;

    public async Task<SearchPageView> LoadAsync(SearchForm form, SearchScope scope, CancellationToken cancellationToken)
    {
        var statusAllowed = !scope.AcceptedEvidenceOnly;
        var filters = form.Filters(statusAllowed);
        var terms = form.Terms;
        var page = form.PageNumber;
        var results = await search.SearchAsync(terms, scope, filters, new SearchWindow(page, PageSize, options.Value.MaxResults), cancellationToken);
        var pastTheEnd = results.Hits.Count == 0 && page > 1;
        if (pastTheEnd)
        {
            // A page beyond the last (an old link, or one typed) finds nothing to count, so the first is shown instead.
            page = 1;
            results = await search.SearchAsync(terms, scope, filters, new SearchWindow(page, PageSize, options.Value.MaxResults), cancellationToken);
        }

        var committees = scope.PublishedOnly
            ? db.Reviews.AsNoTracking().Where(r => r.PublishedAtUtc != null).Select(r => r.SelectCommittee!)
            : db.SelectCommittees.AsNoTracking();
        var choices = await committees.Select(c => new { c.Id, c.Name }).Distinct().ToListAsync(cancellationToken);
        var pages = Math.Max(1, (results.Total + PageSize - 1) / PageSize);
        return new SearchPageView(
            form, terms, filters, results,
            new PaginationView(Math.Min(page, pages), pages),
            [.. choices.OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => (c.Id, c.Name))],
            statusAllowed, scope.PublishedOnly,
            pastTheEnd && results.Hits.Count > 0 ? form.PageNumber : null);
    }
}

/// <param name="MissingPage">The page asked for when it was past the last one, so the first is shown instead.</param>
public sealed record SearchPageView(
    SearchForm Form,
    SearchTerms Terms,
    SearchFilters Filters,
    SearchResults Results,
    PaginationView Pagination,
    IReadOnlyList<(int Id, string Name)> Committees,
    bool OffersStatus,
    bool IsPublic,
    int? MissingPage = null)
{
    public string Action => IsPublic ? "/public/search" : "/search";

    /// <summary>The action in its report: the round of the evidence, with drafts where the update is not accepted yet.</summary>
    public string LinkTo(SearchHit hit)
    {
        var query = new List<string>();
        if (hit.RoundId is { } round)
        {
            query.Add($"round={round}");
        }

        if (!IsPublic && hit.UpdateStatus is { } status && status != Domain.UpdateStatus.Accepted)
        {
            query.Add("drafts=true");
        }

        var path = IsPublic ? $"/public/reviews/{hit.ReviewId}" : $"/reviews/{hit.ReviewId}/report";
        var anchor = hit.ActionId is { } action ? $"#action-{action}" : "";
        return path + (query.Count > 0 ? "?" + string.Join('&', query) : "") + anchor;
    }
}
