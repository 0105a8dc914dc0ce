using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// Sign-in attempts are limited per client address (ASP.NET Core's rate-limiting middleware, policy
/// <see cref="PerAddressPolicy"/> on the sign-in POST) and per account name (<see cref="TryAcquireForAccount"/>,
/// called by the sign-in action once it has read the email address). Either answers 429 with the
/// "too many attempts" page.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    public const string PerAddressPolicy = "sign-in-per-address";

    private readonly PartitionedRateLimiter<string> _perAccount;

    public SignInLimits(IOptions<SignInLimitOptions> options)
    {
        Options = options.Value;
        _perAccount = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetFixedWindowLimiter(account, _ => Window(Options.PerAccount, Options.Window)));
    }

    public SignInLimitOptions Options { get; }

    /// <summary>False when this account name has had too many attempts in the current window.</summary>
    public bool TryAcquireForAccount(string email)
    {
        using var lease = _perAccount.AttemptAcquire(email.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public static void AddPolicies(RateLimiterOptions limiter, SignInLimitOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(PerAddressPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => Window(options.PerAddress, options.Window)));
        limiter.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(options.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose() => _perAccount.Dispose();
}
