using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ScrutinyTracker.Web.Features.Public;

/// <summary>The "PublicPages" configuration section: how many public requests one address may make in a window.</summary>
public sealed class PublicPageLimitOptions
{
    public const string Section = "PublicPages";

    /// <summary>Requests per address in each <see cref="Window"/>; then 429 with a page saying when to try again.</summary>
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 120;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The rate limit of the public pages, per client address (after the trusted proxies' forwarded
/// headers), so that a crawler cannot slow the service officers use. Its own rejection, so the
/// sign-in limits' Retry-After does not apply.
/// </summary>
public sealed class PublicPageLimits(PublicPageLimitOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "public-pages-per-address";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
