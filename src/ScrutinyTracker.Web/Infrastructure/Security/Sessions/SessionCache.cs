using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Security.Sessions;

/// <summary>
/// This instance's copy of the sessions it read lately (decision 0026), so a signed-in request served from
/// the output cache does not read its session from the database first. A copy is used for at most
/// <see cref="SignInSessionOptions.CacheDuration"/> and is forgotten at once, on this instance, whenever
/// the session or its user's sessions are ended here (sign-out, deactivation, a role or password change,
/// "sign out everywhere") or renewed; another instance sees such an end within that duration.
/// Copies hold the serialized ticket, so no request ever shares another's claims objects.
/// </summary>
public sealed class SessionCache(TimeProvider clock, IOptions<SignInSessionOptions> options)
{
    private sealed record Copy(string UserId, byte[] Ticket, DateTime ExpiresAtUtc, DateTime ReadAtUtc);

    private readonly ConcurrentDictionary<string, Copy> _copies = new(StringComparer.Ordinal);
    private long _endings;

    /// <summary>How many endings have been noted: read it before reading a session, and pass it to <see cref="Keep"/>.</summary>
    public long Endings => Interlocked.Read(ref _endings);

    public int Count => _copies.Count;

    /// <summary>The ticket of a session read within the cache duration and not past its expiry, or null.</summary>
    public byte[]? Find(string key)
    {
        if (!_copies.TryGetValue(key, out var copy))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (copy.ExpiresAtUtc <= now || now - copy.ReadAtUtc >= options.Value.CacheDuration)
        {
            _copies.TryRemove(KeyValuePair.Create(key, copy));
            return null;
        }

        return copy.Ticket;
    }

    /// <summary>
    /// Keeps a session just read from the database, unless a session was ended since
    /// <paramref name="endingsBeforeRead"/>: the read may have seen it before its end committed.
    /// </summary>
    public void Keep(string key, string userId, byte[] ticket, DateTime expiresAtUtc, long endingsBeforeRead)
    {
        if (options.Value.CacheDuration <= TimeSpan.Zero)
        {
            return;
        }

        var copy = new Copy(userId, ticket, expiresAtUtc, clock.GetUtcNow().UtcDateTime);
        _copies[key] = copy;
        if (Endings != endingsBeforeRead)
        {
            _copies.TryRemove(KeyValuePair.Create(key, copy));
        }
    }

    /// <summary>The session was renewed or is being read again: the next request reads it from the database.</summary>
    public void Forget(string key) => _copies.TryRemove(key, out _);

    /// <summary>The session was ended.</summary>
    public void Ended(string key)
    {
        Interlocked.Increment(ref _endings);
        _copies.TryRemove(key, out _);
    }

    /// <summary>Every session of this user was ended (or is being, in a transaction not yet committed).</summary>
    public void EndedForUser(string userId)
    {
        Interlocked.Increment(ref _endings);
        foreach (var (key, copy) in _copies)
        {
            if (copy.UserId == userId)
            {
                _copies.TryRemove(KeyValuePair.Create(key, copy));
            }
        }
    }

    /// <summary>Drops the copies too old to be used, so sessions no longer in use leave no memory behind.</summary>
    public void ForgetStale()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (key, copy) in _copies)
        {
            if (copy.ExpiresAtUtc <= now || now - copy.ReadAtUtc >= options.Value.CacheDuration)
            {
                _copies.TryRemove(KeyValuePair.Create(key, copy));
            }
        }
    }
}
