using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ScrutinyTracker.Web.Features.Help;

/// <summary>
/// What each role does in the service, a page each. Public (decision 0008): people read them before their
/// first sign-in, from the sign-in page or an invitation, and they hold nothing but how the service works.
/// </summary>
[AllowAnonymous]
public sealed class HelpController : Controller
{
    [HttpGet("help")]
    public IActionResult Index() => View();

    [HttpGet("help/link-officers")]
    public IActionResult LinkOfficers() => View();

    [HttpGet("help/scrutiny-officers")]
    public IActionResult ScrutinyOfficers() => View();

    [HttpGet("help/committee-members")]
    public IActionResult CommitteeMembers() => View();
}
