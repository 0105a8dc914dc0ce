using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Features.ServicePages;

/// <summary>
/// The service's own pages, linked from every page's footer: its accessibility statement, privacy notice
/// and cookies. They are public: anyone must be able to read them, signed in or not.
/// </summary>
[AllowAnonymous]
public sealed class ServicePagesController : Controller
{
    [HttpGet("accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("privacy")]
    public IActionResult Privacy() => View();

    /// <summary>The cookies the app sets, named as they are configured, so the page cannot drift from what is sent.</summary>
    [HttpGet("cookies")]
    public IActionResult Cookies(
        [FromServices] IOptionsMonitor<CookieAuthenticationOptions> authentication,
        [FromServices] IOptions<AntiforgeryOptions> antiforgery,
        [FromServices] IOptions<CookieTempDataProviderOptions> tempData)
    {
        var signIn = authentication.Get(IdentityConstants.ApplicationScheme);
        return View(new CookiesView(
        [
            new(signIn.Cookie.Name!,
                "Keeps you signed in as you move from page to page.",
                $"When you close your browser or sign out, or after {Duration(signIn.ExpireTimeSpan)} without using the service"),
            new(antiforgery.Value.Cookie.Name!,
                "Stops other websites sending forms to the service in your name (cross-site request forgery).",
                "When you close your browser"),
            new(tempData.Value.Cookie.Name!,
                "Carries a message such as \"Your answers have been saved\" to the next page you see.",
                "As soon as the message is shown, or when you close your browser"),
        ]));
    }

    /// <summary>"8 hours", "90 minutes".</summary>
    private static string Duration(TimeSpan span) =>
        span.TotalMinutes % 60 == 0 && span.TotalHours >= 1
            ? (span.TotalHours == 1 ? "1 hour" : $"{span.TotalHours:0} hours")
            : (span.TotalMinutes == 1 ? "1 minute" : $"{span.TotalMinutes:0} minutes");
}

public sealed record CookiesView(IReadOnlyList<EssentialCookie> Cookies);

public sealed record EssentialCookie(string Name, string Purpose, string Expires);
