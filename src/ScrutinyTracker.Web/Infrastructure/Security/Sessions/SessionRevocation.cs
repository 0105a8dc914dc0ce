using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security.Sessions;

/// <summary>
/// Ends a user's sessions when their rights change: deactivation, a new role, a password set by an
/// administrator, "sign out everywhere". The sessions are deleted at once, and the security stamp is
/// renewed so that any sign-in ticket kept elsewhere fails its next check (within
/// <see cref="SignInSessionOptions.ValidationInterval"/>). This instance's cached copies are forgotten
/// at once and again on commit (<see cref="SessionEndings"/>).
/// </summary>
public sealed class SessionRevocation(ScrutinyDbContext db, UserManager<ApplicationUser> users, SessionEndings endings)
{
    public async Task EndAllAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        var renewed = await users.UpdateSecurityStampAsync(user);
        if (!renewed.Succeeded)
        {
            throw new InvalidOperationException("The security stamp could not be renewed: " + string.Join(" ", renewed.Errors.Select(e => e.Description)));
        }

        await db.UserSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        endings.Ended(user.Id);
    }

    /// <summary>Ends one session of this user; false when it had already ended.</summary>
    public async Task<bool> EndAsync(string userId, string key, CancellationToken cancellationToken = default)
    {
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.Key == key).ExecuteDeleteAsync(cancellationToken) > 0;
        endings.Ended(userId);
        return ended;
    }
}
