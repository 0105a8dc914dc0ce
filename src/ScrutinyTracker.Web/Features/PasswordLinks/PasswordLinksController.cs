using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Database;
using ScrutinyTracker.Web.Infrastructure.Security;
using ScrutinyTracker.Web.Infrastructure.Security.Sessions;

namespace ScrutinyTracker.Web.Features.PasswordLinks;

/// <summary>"Forgotten your password?" by e-mail, and the page an invitation's or a reset's link opens to set a password.</summary>
[AllowAnonymous]
[AllowedBeforePasswordChange]
[Route("account")]
public sealed class PasswordLinksController(ScrutinyDbContext db, UserManager<ApplicationUser> users, PasswordEmails emails, SessionRevocation sessions) : Controller
{
    [HttpGet("forgotten-password")]
    public IActionResult ForgottenPassword() => View(new ForgottenPasswordForm { MailEnabled = emails.Enabled });

    /// <summary>Says the same whether or not the address has an account, so the page tells no one who has one.</summary>
    [HttpPost("forgotten-password")]
    [EnableRateLimiting(ForgottenPasswordLimits.PerAddressPolicy)]
    public async Task<IActionResult> ForgottenPassword(ForgottenPasswordForm form)
    {
        form.MailEnabled = emails.Enabled;
        if (!ModelState.IsValid || !emails.Enabled)
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is { IsActive: true })
        {
            await emails.ResetAsync(user);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return View("LinkSent", form.Email.Trim());
    }

    [HttpGet("set-password")]
    public async Task<IActionResult> SetPassword(string? user, PasswordLinkKind kind, string? token) =>
        await FindAsync(user, kind, token) is { } account
            ? View(new SetPasswordForm { User = user!, Kind = kind, Token = token!, DisplayName = account.DisplayName })
            : View("LinkNotValid");

    [HttpPost("set-password")]
    public async Task<IActionResult> SetPassword(SetPasswordForm form)
    {
        var kindRead = ModelState.GetFieldValidationState(nameof(SetPasswordForm.Kind)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        if (!kindRead || await FindAsync(form.User, form.Kind, form.Token) is not { } account)
        {
            return View("LinkNotValid");
        }

        form.DisplayName = account.DisplayName;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await db.InTransactionAsync(async () =>
        {
            var set = form.Kind == PasswordLinkKind.Invitation && !await users.HasPasswordAsync(account)
                ? await users.AddPasswordAsync(account, form.NewPassword)
                : await users.ResetPasswordAsync(account, PasswordEmails.ReadToken(form.Token)!, form.NewPassword);
            if (set.Succeeded)
            {
                account.MustChangePassword = false;
                await users.UpdateAsync(account);
                await sessions.EndAllAsync(account, HttpContext.RequestAborted);
            }

            return set;
        }, r => r.Succeeded, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(SetPasswordForm.NewPassword), error.Description);
            }

            return View(form);
        }

        TempData["Success"] = "Your password has been set. Sign in with it now.";
        return Redirect("/account/sign-in");
    }

    private async Task<ApplicationUser?> FindAsync(string? userId, PasswordLinkKind kind, string? encodedToken) =>
        PasswordEmails.ReadToken(encodedToken) is { } token && userId is not null
        && await users.FindByIdAsync(userId) is { IsActive: true } account
        && await emails.IsValidAsync(account, kind, token)
            ? account
            : null;
}

public sealed class ForgottenPasswordForm
{
    public string Email { get; set; } = "";

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool MailEnabled { get; set; }
}

public sealed class SetPasswordForm
{
    public string User { get; set; } = "";
    [Infrastructure.Web.InvalidValueMessage("This link is not one the service sent. Use the link in your e-mail again")]
    public PasswordLinkKind Kind { get; set; }
    public string Token { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public string DisplayName { get; set; } = "";
}

public sealed class ForgottenPasswordFormValidator : AbstractValidator<ForgottenPasswordForm>
{
    public ForgottenPasswordFormValidator() =>
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address");
}

public sealed class SetPasswordFormValidator : AbstractValidator<SetPasswordForm>
{
    public SetPasswordFormValidator()
    {
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Enter a new password");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}
