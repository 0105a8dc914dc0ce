using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;
using ScrutinyTracker.Web.Infrastructure.Security;
using ScrutinyTracker.Web.Infrastructure.Security.Sessions;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>An administrator sees where a person is signed in, and ends one session or all of them.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("users/{userId}/sessions")]
public sealed class UserSessionsController(ScrutinyDbContext db, UserManager<ApplicationUser> users, SessionRevocation sessions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Sessions(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.ExpiresAtUtc > now)
            .OrderByDescending(s => s.LastSeenAtUtc)
            .Select(s => new UserSessionItem(s.Key, s.SignedInAtUtc, s.LastSeenAtUtc, s.ExpiresAtUtc, s.UserAgent, s.Address))
            .ToListAsync(cancellationToken);
        return View("/Features/Users/Views/Sessions.cshtml", new UserSessionsView(user.Id, user.DisplayName, rows));
    }

    [HttpPost("{sessionKey}/end")]
    public async Task<IActionResult> EndSession(string userId, string sessionKey, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        TempData["Success"] = await sessions.EndAsync(userId, sessionKey, cancellationToken)
            ? $"The session has been ended. {user.DisplayName} will have to sign in again on that device."
            : "That session had already ended.";
        return RedirectToAction(nameof(Sessions), new { userId });
    }

    [HttpPost("end-all")]
    public async Task<IActionResult> SignOutEverywhere(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } found)
        {
            return NotFound();
        }

        await db.InTransactionAsync(async () =>
        {
            var user = (await users.FindByIdAsync(userId))!;
            await sessions.EndAllAsync(user, cancellationToken);
        }, cancellationToken);
        TempData["Success"] = $"{found.DisplayName} has been signed out everywhere.";
        return users.GetUserId(User) == userId
            ? RedirectToAction("SignIn", "Account")
            : RedirectToAction(nameof(Sessions), new { userId });
    }
}

public sealed record UserSessionsView(string UserId, string DisplayName, IReadOnlyList<UserSessionItem> Sessions);

public sealed record UserSessionItem(string Key, DateTime SignedInAtUtc, DateTime LastSeenAtUtc, DateTime ExpiresAtUtc, string? UserAgent, string? Address)
{
    public string Browser => BrowserNames.Describe(UserAgent);
}
