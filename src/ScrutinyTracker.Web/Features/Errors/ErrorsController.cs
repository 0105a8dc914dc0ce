using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Infrastructure.Forms;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Errors;

/// <summary>
/// Error pages; open to everyone so that a failure never turns into a sign-in loop. They answer POST
/// too because a failed POST is re-executed here with its own method; they change nothing, so they
/// need no antiforgery token, and they read nothing from the failed post's form.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[AllowedBeforePasswordChange]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorsController(ReturnUrls returnUrls) : Controller
{
    [Route("error")]
    [HttpGet, HttpPost]
    public IActionResult Error()
    {
        ViewData["RequestId"] = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error");
    }

    /// <summary>A plain HTTP request outside Development that came neither over HTTPS nor from a trusted proxy (HttpsOnlyMiddleware).</summary>
    [HttpGet("error/needs-https")]
    public IActionResult NeedsHttps()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("NeedsHttps");
    }

    /// <summary>
    /// The page for an error status. The code is read from the path, not model-bound: a re-executed
    /// POST still carries its form, a posted "statusCode" must not choose the answer, and a form that
    /// could not be read must not stop the code being read.
    /// </summary>
    [Route("error/{statusCode:int}")]
    [HttpGet, HttpPost]
    public IActionResult Status()
    {
        var statusCode = int.TryParse(RouteData.Values["statusCode"] as string, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 400 and <= 599
            ? code
            : StatusCodes.Status404NotFound;

        Response.StatusCode = statusCode;
        if (HttpContext.Features.Get<UnreadableFormFeature>() is { } unreadable)
        {
            return View("FormNotRead", new FormNotReadView(unreadable.Reason, returnUrls.FromReferrer(Request)));
        }

        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            StatusCodes.Status429TooManyRequests when FromPublicPages() => View("TooManyPublicRequests"),
            StatusCodes.Status429TooManyRequests when From("/account/forgotten-password") => View("TooManyPasswordLinks"),
            StatusCodes.Status429TooManyRequests => View("TooManyAttempts"),
            _ => View("Error"),
        };
    }

    /// <summary>The path whose answer is being re-executed here, which tells whose limit a 429 is.</summary>
    private string? OriginalPath => HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;

    private bool From(string path) => string.Equals(OriginalPath, path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The public pages' own limit (<c>PublicPageLimits</c>), not sign-in's.</summary>
    private bool FromPublicPages() =>
        OriginalPath is { } path && (path == "/public" || path.StartsWith("/public/", StringComparison.Ordinal));
}

/// <param name="BackUrl">The page the form was on, when the browser said so and it can be shown again.</param>
public sealed record FormNotReadView(UnreadableFormReason Reason, string? BackUrl);
