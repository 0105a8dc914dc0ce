using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;
using ScrutinyTracker.Web.Infrastructure.Security;
using ScrutinyTracker.Web.Infrastructure.Security.Sessions;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>An administrator sets a one-time password for an account, which ends its sessions and must be changed at sign-in.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("users/{userId}/password")]
public sealed class UserPasswordsController(ScrutinyDbContext db, UserManager<ApplicationUser> users, SessionRevocation sessions) : Controller
{
    private const string PasswordPage = "/Features/Users/Views/Password.cshtml";

    [HttpGet("")]
    public async Task<IActionResult> Password(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["UserName"] = user.DisplayName;
        return View(PasswordPage, new OneTimePasswordForm { OneTimePassword = OneTimePasswords.Suggest() });
    }

    [HttpPost("")]
    public async Task<IActionResult> Password(string userId, OneTimePasswordForm form)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["UserName"] = user.DisplayName;
        if (!ModelState.IsValid)
        {
            return View(PasswordPage, form);
        }

        var reset = await db.InTransactionAsync(async () =>
        {
            var current = (await users.FindByIdAsync(userId))!;
            var token = await users.GeneratePasswordResetTokenAsync(current);
            var reset = await users.ResetPasswordAsync(current, token, form.OneTimePassword);
            if (reset.Succeeded)
            {
                current.MustChangePassword = true;
                current.LockoutEnd = null;
                current.AccessFailedCount = 0;
                // The old password's sessions end now, not at their next check.
                await sessions.EndAllAsync(current, HttpContext.RequestAborted);
            }

            return reset;
        }, r => r.Succeeded, HttpContext.RequestAborted);
        if (!IdentityErrors.AddTo(ModelState, reset, nameof(OneTimePasswordForm.OneTimePassword)))
        {
            return View(PasswordPage, form);
        }

        return View("/Features/Users/Views/PasswordSet.cshtml", new PasswordSetView(user.Id, user.DisplayName, user.Email!, form.OneTimePassword, IsNewUser: false));
    }
}
