using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Infrastructure.Council;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Public.OpenData;

/// <summary>
/// The open data of the published reviews (docs/open-data.md): one row per action with its latest
/// public grade as CSV and JSON under the configured licence, and an Atom feed of published rounds.
/// Public like the pages, with the same validators and rate limit.
/// </summary>
[AllowAnonymous]
[AllowedBeforePasswordChange]
[EnableRateLimiting(PublicPageLimits.Policy)]
public sealed class OpenDataController(
    OpenDataQuery query, PublicFreshness freshness, IOptions<OpenDataOptions> licence, IOptions<CouncilOptions> council, TimeProvider clock) : Controller
{
    [HttpGet("public/recommendations.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        if ((await freshness.OfAllAsync(cancellationToken)).ApplyTo(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return File(OpenDataFiles.Csv(await query.LoadAsync(cancellationToken), licence.Value), "text/csv; charset=utf-8", "recommendations.csv");
    }

    [HttpGet("public/recommendations.json")]
    public async Task<IActionResult> Json(CancellationToken cancellationToken)
    {
        if ((await freshness.OfAllAsync(cancellationToken)).ApplyTo(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var rows = await query.LoadAsync(cancellationToken);
        return File(OpenDataFiles.Json(rows, licence.Value, council.Value.Name, clock.GetUtcNow().UtcDateTime), "application/json; charset=utf-8");
    }

    [HttpGet("public/rounds.atom")]
    public async Task<IActionResult> Feed([FromServices] RoundsFeed feed, CancellationToken cancellationToken)
    {
        if ((await freshness.OfAllAsync(cancellationToken)).ApplyTo(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var document = RoundsFeed.Document(await feed.LoadAsync(cancellationToken), $"{Request.Scheme}://{Request.Host}{Request.PathBase}", council.Value.Name, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(document.Declaration + "\n" + document.ToString()), "application/atom+xml; charset=utf-8");
    }
}
