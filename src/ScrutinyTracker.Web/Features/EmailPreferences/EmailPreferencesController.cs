using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.EmailPreferences;

/// <summary>A person turns reminders and the weekly digest off or on; a reminder's own link turns its one setting off without signing in.</summary>
public sealed class EmailPreferencesController(UserManager<ApplicationUser> users, UnsubscribeLinks links) : Controller
{
    [HttpGet("account/email-settings")]
    public async Task<IActionResult> Settings()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(new EmailSettingsForm { Reminders = !user.RemindersOff, Digest = !user.DigestOff });
    }

    [HttpPost("account/email-settings")]
    public async Task<IActionResult> Settings(EmailSettingsForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        user.RemindersOff = !form.Reminders;
        user.DigestOff = !form.Digest;
        await users.UpdateAsync(user);
        TempData["Success"] = "Your e-mail settings have been saved.";
        return RedirectToAction(nameof(Settings));
    }

    [AllowAnonymous]
    [AllowedBeforePasswordChange]
    [HttpGet("email-settings/unsubscribe")]
    public async Task<IActionResult> Unsubscribe(string? token)
    {
        var (user, setting) = await ReadAsync(token);
        return user is null ? NotFound() : View(new UnsubscribeView(token!, user.DisplayName, setting, Done: false));
    }

    /// <summary>Only a POST changes the setting: mail scanners that follow links turn nothing off.</summary>
    [AllowAnonymous]
    [AllowedBeforePasswordChange]
    [HttpPost("email-settings/unsubscribe")]
    public async Task<IActionResult> UnsubscribeConfirmed(string? token)
    {
        var (user, setting) = await ReadAsync(token);
        if (user is null)
        {
            return NotFound();
        }

        if (setting == EmailSetting.Reminders)
        {
            user.RemindersOff = true;
        }
        else
        {
            user.DigestOff = true;
        }

        await users.UpdateAsync(user);
        return View(nameof(Unsubscribe), new UnsubscribeView(token!, user.DisplayName, setting, Done: true));
    }

    private async Task<(ApplicationUser? User, EmailSetting Setting)> ReadAsync(string? token) =>
        links.Read(token) is { } read && await users.FindByIdAsync(read.UserId) is { } user ? (user, read.Setting) : (null, default);
}

public sealed class EmailSettingsForm
{
    [InvalidValueMessage("Save your settings again: the page could not tell whether you want reminders and chasers")]
    public bool Reminders { get; set; }

    [InvalidValueMessage("Save your settings again: the page could not tell whether you want the weekly digest")]
    public bool Digest { get; set; }
}

public sealed record UnsubscribeView(string Token, string DisplayName, EmailSetting Setting, bool Done)
{
    public string What => Setting == EmailSetting.Reminders ? "reminders and chasers" : "the weekly digest";
}
