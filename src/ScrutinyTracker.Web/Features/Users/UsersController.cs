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

/// <summary>Administrators manage accounts: create (with an invitation or a one-time password), edit, deactivate and reactivate.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("users")]
public sealed class UsersController(ScrutinyDbContext db, UserManager<ApplicationUser> users, SessionRevocation sessions, PasswordLinks.PasswordEmails invitations, TimeProvider clock) : Controller
{
    public const int PageSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pages);
        var now = clock.GetUtcNow();
        var rows = await query
            .OrderBy(u => !u.IsActive).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsActive, u.MustChangePassword, u.LockoutEnd,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(u => new UserListItem(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.IsActive, u.MustChangePassword, u.LockoutEnd > now)).ToList();
        return View(new UserListView(items, page, pages, total, search));
    }

    [HttpGet("new")]
    public IActionResult New() => View(new NewUserForm { OneTimePassword = OneTimePasswords.Suggest(), SendInvitation = invitations.Enabled, MailEnabled = invitations.Enabled });

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserForm form)
    {
        // With no mail set up the one-time password is the only way: an invitation could not be sent.
        form.MailEnabled = invitations.Enabled;
        var invite = form.SendInvitation && invitations.Enabled;
        if (!invite && form.SendInvitation)
        {
            form.SendInvitation = false;
            ModelState.Clear();
            TryValidateModel(form);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        // The account, its role and the invitation are saved together or not at all.
        var (user, result, field) = await db.InTransactionAsync(async () =>
        {
            var user = new ApplicationUser
            {
                UserName = form.Email.Trim(),
                Email = form.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = form.DisplayName.Trim(),
                MustChangePassword = !invite,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = invite ? await users.CreateAsync(user) : await users.CreateAsync(user, form.OneTimePassword);
            if (!created.Succeeded)
            {
                return (user, created, nameof(NewUserForm.OneTimePassword));
            }

            var role = await users.AddToRoleAsync(user, form.Role);
            if (role.Succeeded && invite)
            {
                await invitations.InvitationAsync(user, User.FindFirst(ScrutinyClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "An administrator");
                await db.SaveChangesAsync(HttpContext.RequestAborted);
            }

            return (user, role, nameof(NewUserForm.Role));
        }, r => r.Item2.Succeeded, HttpContext.RequestAborted);
        if (!IdentityErrors.AddTo(ModelState, result, field))
        {
            return View(form);
        }

        return invite
            ? View("Invited", new PasswordSetView(user.Id, user.DisplayName, user.Email!, "", IsNewUser: true))
            : View("PasswordSet", new PasswordSetView(user.Id, user.DisplayName, user.Email!, form.OneTimePassword, IsNewUser: true));
    }

    [HttpGet("{userId}")]
    public async Task<IActionResult> Show(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var reviews = await db.ReviewLinkOfficers.AsNoTracking().Where(l => l.UserId == userId)
            .OrderBy(l => l.ReviewId).Select(l => db.Reviews.Where(r => r.Id == l.ReviewId).Select(r => r.Title).First())
            .ToListAsync();
        var role = (await users.GetRolesAsync(user)).FirstOrDefault();
        return View(new UserView(user.Id, user.DisplayName, user.Email ?? "", role, user.IsActive, user.MustChangePassword, reviews));
    }

    [HttpGet("{userId}/edit")]
    public async Task<IActionResult> Edit(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        return View(new EditUserForm { DisplayName = user.DisplayName, Email = user.Email ?? "", Role = role, ConcurrencyStamp = user.ConcurrencyStamp });
    }

    [HttpPost("{userId}/edit")]
    public async Task<IActionResult> Edit(string userId, EditUserForm form)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (user.Id == users.GetUserId(User) && form.Role != Roles.Administrator)
        {
            ModelState.AddModelError(nameof(EditUserForm.Role), "You cannot remove your own administrator role. Ask another administrator.");
            return View(form);
        }

        // Identity's store checks the stamp it loaded, not the form's: compare with the form's here so a
        // colleague's edit since the form was read is not overwritten.
        if (user.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            IdentityErrors.AddTo(ModelState, IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure()), nameof(EditUserForm.Email));
            // Saving again, having seen the message, keeps this form's answers.
            ModelState.Remove(nameof(EditUserForm.ConcurrencyStamp));
            form.ConcurrencyStamp = user.ConcurrencyStamp;
            return View(form);
        }

        var updated = await db.InTransactionAsync(() => SaveEditAsync(userId, form), r => r.Succeeded, HttpContext.RequestAborted);
        if (!IdentityErrors.AddTo(ModelState, updated, nameof(EditUserForm.Email)))
        {
            return View(form);
        }

        TempData["Success"] = $"{form.DisplayName.Trim()}'s account has been updated.";
        return RedirectToAction(nameof(Show), new { userId });
    }

    [HttpGet("{userId}/deactivate")]
    public async Task<IActionResult> Deactivate(string userId) =>
        await users.FindByIdAsync(userId) is { } user
            ? View(new UserView(user.Id, user.DisplayName, user.Email ?? "", null, user.IsActive, user.MustChangePassword, []))
            : NotFound();

    [HttpPost("{userId}/deactivate")]
    [ActionName(nameof(Deactivate))]
    public async Task<IActionResult> DeactivateConfirmed(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", "You cannot deactivate your own account.");
            return View(nameof(Deactivate), new UserView(user.Id, user.DisplayName, user.Email ?? "", null, user.IsActive, user.MustChangePassword, []));
        }

        await db.InTransactionAsync(async () =>
        {
            var current = (await users.FindByIdAsync(userId))!;
            current.IsActive = false;
            // Saves the deactivation with a new security stamp, and ends every session at once.
            await sessions.EndAllAsync(current, HttpContext.RequestAborted);
        }, HttpContext.RequestAborted);
        TempData["Success"] = $"{user.DisplayName}'s account has been deactivated. They can no longer sign in.";
        return RedirectToAction(nameof(Show), new { userId });
    }

    [HttpPost("{userId}/reactivate")]
    public async Task<IActionResult> Reactivate(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        user.IsActive = true;
        await users.UpdateAsync(user);
        TempData["Success"] = $"{user.DisplayName}'s account has been reactivated.";
        return RedirectToAction(nameof(Show), new { userId });
    }

    /// <summary>One unit of work: reloaded here, because a retry after a transient failure starts again from the database.</summary>
    private async Task<IdentityResult> SaveEditAsync(string userId, EditUserForm form)
    {
        var user = (await users.FindByIdAsync(userId))!;
        user.DisplayName = form.DisplayName.Trim();
        var email = form.Email.Trim();
        // Changing the email renews the security stamp and signs the person out, so only do it when it changed.
        var updated = user.Email == email ? await users.UpdateAsync(user) : await users.SetEmailAsync(user, email);
        if (updated.Succeeded && user.UserName != email)
        {
            updated = await users.SetUserNameAsync(user, email);
        }

        if (!updated.Succeeded)
        {
            return updated;
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.SequenceEqual([form.Role]))
        {
            await users.RemoveFromRolesAsync(user, currentRoles);
            await users.AddToRoleAsync(user, form.Role);
            // New rights take effect at a new sign-in: the old role's sessions end now.
            await sessions.EndAllAsync(user, HttpContext.RequestAborted);
        }

        return updated;
    }
}
