using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Errors;

/// <summary>
/// Error pages; open to everyone so that a failure never turns into a sign-in loop. They answer POST
/// too because a failed POST is re-executed here with its own method; they change nothing, so they
/// need no antiforgery token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[AllowedBeforePasswordChange]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorsController : Controller
{
    [Route("error")]
    [HttpGet, HttpPost]
    public IActionResult Error()
    {
        ViewData["RequestId"] = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error");
    }

    [Route("error/{statusCode:int}")]
    [HttpGet, HttpPost]
    public IActionResult Status(int statusCode)
    {
        Response.StatusCode = statusCode;
        return statusCode switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            _ => View("Error"),
        };
    }
}
