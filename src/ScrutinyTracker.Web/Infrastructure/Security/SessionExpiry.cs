using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>When the signed-in session ends, as the page should count down to it.</summary>
/// <param name="ExpiresAt">The end, in server time.</param>
/// <param name="ServerNow">The server's time now, so the browser can allow for its own clock being wrong.</param>
public sealed record SessionEnd(DateTimeOffset ExpiresAt, DateTimeOffset ServerNow);

/// <summary>
/// Reads when the session ends from the sign-in cookie's own ticket (IssuedUtc, ExpiresUtc) and
/// options (sliding expiry), so it holds wherever the ticket is kept. With a sliding expiry the cookie
/// handler renews the ticket during any request once half its time has passed; this predicts that
/// renewal the same way. Renewals for other reasons (a security-stamp check) only make the session
/// last longer than predicted, so the page never warns too late.
/// </summary>
public sealed class SessionExpiry(IOptionsMonitor<CookieAuthenticationOptions> cookies, TimeProvider clock)
{
    public async Task<SessionEnd?> AfterThisRequestAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded || result.Properties is not { IssuedUtc: { } issued, ExpiresUtc: { } expires } properties)
        {
            return null;
        }

        var options = cookies.Get(IdentityConstants.ApplicationScheme);
        var now = clock.GetUtcNow();
        var renewed = options.SlidingExpiration && (properties.AllowRefresh ?? true) && expires - now < now - issued;
        return new SessionEnd(renewed ? now + (expires - issued) : expires, now);
    }
}
