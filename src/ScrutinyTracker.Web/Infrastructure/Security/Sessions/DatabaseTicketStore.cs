using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security.Sessions;

/// <summary>
/// Keeps sign-in tickets in the app's database (<see cref="UserSession"/>), so every app instance
/// sees the same sessions and a session ended on one (sign-out, deactivation) is refused by all.
/// The cookie handler calls <see cref="RenewAsync(string, AuthenticationTicket, HttpContext, CancellationToken)"/>
/// when sliding expiration extends the ticket or the security-stamp check refreshes its claims,
/// and <see cref="RemoveAsync(string, HttpContext, CancellationToken)"/> when either ends it.
/// A session read lately is answered from this instance's <see cref="SessionCache"/> (decision 0026).
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, SessionCache cache) : ITicketStore
{
    /// <summary>"Last seen" is kept to the minute, so most requests only read their session.</summary>
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreAsync(ticket, httpContext: null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UserSession.KeyLength / 2)),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? throw new InvalidOperationException("A sign-in ticket without the user's id cannot be stored."),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            SignedInAtUtc = now,
            LastSeenAtUtc = now,
            ExpiresAtUtc = ExpiresAt(ticket, now),
            UserAgent = Truncate(httpContext?.Request.Headers.UserAgent.ToString(), UserSession.UserAgentMaxLength),
            Address = Truncate(httpContext?.Connection.RemoteIpAddress?.ToString(), UserSession.AddressMaxLength),
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ExpiresAt(ticket, now);
        cache.Forget(key);
        await using var scope = scopes.CreateAsyncScope();
        // Never brings back a session that was ended meanwhile: only an existing row is updated.
        await scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>().UserSessions
            .Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Ticket, bytes)
                .SetProperty(x => x.ExpiresAtUtc, expires)
                .SetProperty(x => x.LastSeenAtUtc, now), cancellationToken);
        cache.Forget(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, cancellationToken);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        if (cache.Find(key) is { } cached)
        {
            return TicketSerializer.Default.Deserialize(cached);
        }

        var endingsBeforeRead = cache.Endings;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAtUtc <= now)
        {
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAtUtc >= LastSeenPrecision)
        {
            session.LastSeenAtUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        cache.Keep(key, session.UserId, session.Ticket, session.ExpiresAtUtc, endingsBeforeRead);
        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(key, cancellationToken);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>().UserSessions
            .Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
        cache.Ended(key);
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RemoveAsync(key, cancellationToken);

    private static DateTime ExpiresAt(AuthenticationTicket ticket, DateTime now) =>
        ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddHours(8);

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
