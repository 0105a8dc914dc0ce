using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>Committee packs: several reviews' progress updates in one PDF, behind a cover page, for a Select Committee meeting.</summary>
[Authorize(Policy = Policies.ManagePlans)]
[PdfErrorPage]
public sealed class CommitteePacksController(
    CommitteePackChoicesQuery choices, CommitteePackQuery packs, RazorDocumentRenderer documents, PdfRenderer printer) : Controller
{
    /// <param name="round">The round label whose reviews are listed; the most recent when not given.</param>
    /// <param name="committee">Only that Select Committee's reviews, when given.</param>
    [HttpGet("committee-packs")]
    public async Task<IActionResult> Index(string? round, int? committee, CancellationToken cancellationToken = default)
    {
        var offered = await choices.LoadAsync(round, committee, cancellationToken);
        var form = new CommitteePackForm { Round = offered.Round ?? "", SelectCommitteeId = offered.LikelyCommittee(committee) };
        return View(new CommitteePackPageView(offered, committee, form));
    }

    [HttpPost("committee-packs")]
    public async Task<IActionResult> Download([Bind(Prefix = "Form")] CommitteePackForm form, int? committee, CancellationToken cancellationToken = default)
    {
        var pack = ModelState.IsValid ? await packs.LoadAsync(form, cancellationToken) : null;
        if (ModelState.IsValid && pack is null)
        {
            ModelState.AddModelError("Form.SelectCommitteeId", "Select the Select Committee the pack is for");
        }
        else if (pack is { Reports.Count: 0 })
        {
            ModelState.AddModelError("Form.ReviewIds", $"Select at least one review with a {form.Round} round");
        }

        if (!ModelState.IsValid || pack is null)
        {
            var offered = await choices.LoadAsync(form.Round, committee, cancellationToken);
            return View(nameof(Index), new CommitteePackPageView(offered, committee, form));
        }

        var html = await documents.RenderAsync(ControllerContext, "CommitteePack", pack);
        var pdf = await printer.RenderAsync(new PdfDocument(html, pack.Name.Title), cancellationToken);
        return File(pdf, "application/pdf", pack.Name.FileName);
    }
}
