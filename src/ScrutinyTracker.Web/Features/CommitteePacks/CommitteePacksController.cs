using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Exports;
using ScrutinyTracker.Web.Features.Exports.Word;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>
/// Committee packs: several reviews' progress updates in one PDF, behind a cover page, for a Select Committee
/// meeting, or the same as a Word document to edit; or the reviews' actions in that round as a spreadsheet.
/// Accepted updates only.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
[PdfErrorPage]
public sealed class CommitteePacksController(CommitteePackChoicesQuery choices, CommitteePackQuery packs, CommitteePackPrinter printer) : Controller
{
    /// <param name="committee">The Select Committee the pack is for: chosen first, then its reviews are offered.</param>
    /// <param name="round">The round label whose reviews are listed; the committee's most recent when not given.</param>
    /// <param name="search">Words of the titles of the reviews to offer; a committee's reviews are offered a page at a time.</param>
    [HttpGet("committee-packs")]
    public async Task<IActionResult> Index(int? committee, string? round, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var offered = await choices.LoadAsync(round, committee, search, page, cancellationToken);
        var form = new CommitteePackForm { Round = offered.Round ?? "", SelectCommitteeId = offered.Committee?.Id };
        return View(new CommitteePackPageView(offered, form));
    }

    [HttpPost("committee-packs")]
    public async Task<IActionResult> Download([Bind(Prefix = "Form")] CommitteePackForm form, CancellationToken cancellationToken = default)
    {
        var pack = ModelState.IsValid ? await packs.LoadAsync(form, cancellationToken) : null;
        if (ModelState.IsValid && pack is null)
        {
            ModelState.AddModelError("Form.SelectCommitteeId", "Select the Select Committee the pack is for");
        }
        else if (pack is { OtherCommitteesReviews: > 0 })
        {
            ModelState.AddModelError("Form.ReviewIds", $"Select only reviews of the {pack.Committee}");
        }
        else if (pack is { Reports.Count: 0 })
        {
            ModelState.AddModelError("Form.ReviewIds", $"Select at least one review with a {form.Round} round");
        }

        if (!ModelState.IsValid || pack is null)
        {
            var offered = await choices.LoadAsync(form.Round, form.SelectCommitteeId, cancellationToken: cancellationToken);
            return View(nameof(Index), new CommitteePackPageView(offered, form));
        }

        if (pack.WithoutAcceptedUpdates.Count > 0 && !form.Confirmed)
        {
            return View("Confirm", new ConfirmPackView(form, pack));
        }

        return form.Format switch
        {
            PackFormat.Word => File(WordDocuments.CommitteePack(pack), WordDocuments.ContentType, pack.Name.FileNameWith(".docx")),
            PackFormat.Excel => ActionSpreadsheet.Download(ActionRows.From(pack.Reports), pack.Name, SpreadsheetFormat.Excel),
            PackFormat.Csv => ActionSpreadsheet.Download(ActionRows.From(pack.Reports), pack.Name, SpreadsheetFormat.Csv),
            _ => File(await printer.PrintAsync(ControllerContext, pack, cancellationToken), "application/pdf", pack.Name.FileName),
        };
    }
}
