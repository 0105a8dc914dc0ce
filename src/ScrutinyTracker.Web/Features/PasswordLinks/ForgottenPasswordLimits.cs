using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ScrutinyTracker.Web.Features.PasswordLinks;

/// <summary>The "ForgottenPasswordLimits" configuration section: how often "Forgotten your password?" may be asked.</summary>
public sealed class ForgottenPasswordLimitOptions
{
    public const string Section = "ForgottenPasswordLimits";

    /// <summary>Requests from one client address in each <see cref="Window"/>, whatever address is typed; then 429 with a page.</summary>
    [Range(1, 100_000)]
    public int PerAddress { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Reset e-mails to one account in an hour; beyond them the page says the same and nothing is sent.</summary>
    [Range(1, 100)]
    public int PerAccountPerHour { get; set; } = 3;
}

/// <summary>
/// The per-address limit of the forgotten-password form (after the trusted proxies' forwarded headers), the
/// same for every address typed, so it says nothing about accounts. Its own rejection and page.
/// </summary>
public sealed class ForgottenPasswordLimits(ForgottenPasswordLimitOptions options) : IRateLimiterPolicy<string>
{
    public const string PerAddressPolicy = "forgotten-password-per-address";

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
                PermitLimit = options.PerAddress,
                Window = options.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
