using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ScrutinyTracker.Web.Features.Public;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>
/// Search across every review a person may read (<c>/search</c>, from the header) and across published
/// reviews for residents (<c>/public/search</c>, no sign-in, rate-limited like the other public pages).
/// </summary>
public sealed class SearchController(SearchPageQuery search) : Controller
{
    [HttpGet("search")]
    [Authorize(Policy = Policies.ReadReports)]
    public async Task<IActionResult> Search([FromQuery] SearchForm form, CancellationToken cancellationToken) =>
        View("Search", await search.LoadAsync(form, SearchScope.For(User), cancellationToken));

    [HttpGet("public/search")]
    [AllowAnonymous]
    [AllowedBeforePasswordChange]
    [EnableRateLimiting(PublicPageLimits.Policy)]
    public async Task<IActionResult> PublicSearch([FromQuery] SearchForm form, CancellationToken cancellationToken) =>
        View("Search", await search.LoadAsync(form, SearchScope.Public, cancellationToken));
}
