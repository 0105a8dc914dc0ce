using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Account;

[Route("account")]
[AllowedBeforePasswordChange]
public sealed class AccountController(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> userManager,
    ReturnUrls returnUrls,
    SignInLimits limits,
    UnknownUserPasswordCheck unknownUser,
    ILogger<AccountController> logger) : Controller
{
    private const string SignInFailed = "Enter a correct email address and password";

    /// <param name="returnUrl">
    /// Where to go once signed in. A form's POST address (a save made after the session ended) is not
    /// a page: then the page the form was on, which the browser names as the referrer, is used instead.
    /// </param>
    /// <param name="timedOut">Set by the timeout warning's script when it signed the user out.</param>
    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl = null, bool timedOut = false)
    {
        // The form shows the checked address, not the one asked for.
        ModelState.Clear();
        return View(new SignInForm
        {
            ReturnUrl = returnUrls.PageOrNull(returnUrl) ?? (returnUrl is null ? null : returnUrls.FromReferrer(Request)),
            TimedOut = timedOut,
        });
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    [EnableRateLimiting(SignInLimits.PerAddressPolicy)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        if (!limits.TryAcquireForAccount(form.Email))
        {
            logger.LogWarning("Sign-in refused: too many attempts at one account name");
            Response.Headers.RetryAfter = ((int)Math.Ceiling(limits.Options.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View("TooManyAttempts");
        }

        var user = await userManager.FindByEmailAsync(form.Email.Trim());
        if (user is null)
        {
            // The same password-hash work as for a real account, so the answer's timing does not say which emails exist.
            unknownUser.Verify(form.Password);
            ModelState.AddModelError(nameof(SignInForm.Email), SignInFailed);
            return View(form);
        }

        var result = await signInManager.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            if (user.MustChangePassword)
            {
                return RedirectToAction(nameof(ChangePassword));
            }

            return LocalRedirect(returnUrls.PageOrNull(form.ReturnUrl) ?? "/");
        }

        // Say why only to someone who knows the password, so the page never tells a stranger which
        // accounts exist, are locked or are deactivated.
        var passwordRight = (result.IsLockedOut || result.IsNotAllowed) && await userManager.CheckPasswordAsync(user, form.Password);
        var message = result switch
        {
            { IsLockedOut: true } when passwordRight => "Your account is locked after too many attempts. Try again in 15 minutes.",
            { IsNotAllowed: true } when passwordRight => "Your account has been deactivated. Ask an administrator to reactivate it.",
            _ => SignInFailed,
        };
        logger.LogWarning("Sign-in refused for {UserId}: {Reason}", user.Id, result);
        ModelState.AddModelError(nameof(SignInForm.Email), message);
        return View(form);
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutUser()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    /// <summary>
    /// The timeout warning's "Stay signed in". Any signed-in request renews the session once half of it
    /// has passed (the cookie's sliding expiry), and the warning only appears after that point; this
    /// request's answer says when the renewed session ends.
    /// </summary>
    [HttpPost("stay-signed-in")]
    public async Task<IActionResult> StaySignedIn([FromServices] SessionExpiry expiry) =>
        await expiry.AfterThisRequestAsync(HttpContext) is { } end ? Json(end) : Unauthorized();

    [HttpGet("change-password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("change-password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await userManager.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? nameof(ChangePasswordForm.CurrentPassword)
                    : nameof(ChangePasswordForm.NewPassword);
                ModelState.AddModelError(field, error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? "Your current password is not correct"
                    : error.Description);
            }

            return View(form);
        }

        user.MustChangePassword = false;
        await userManager.UpdateAsync(user);
        await signInManager.RefreshSignInAsync(user);
        TempData["Success"] = "Your password has been changed.";
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Forbidden");
    }
}
