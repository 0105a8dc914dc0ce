using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Importing a council Word document: upload, preview (nothing saved but the file, kept for its owner
/// in <see cref="PendingImport"/>), then confirm (one transaction) or cancel.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ImportsController(
    ScrutinyDbContext db, PendingImports pendingImports, ImportPreviews previews, ImportConfirmation confirmation, LaterRoundImport laterRounds) : Controller
{
    public const string UploadPath = "/imports/word";

    [HttpGet("imports/word")]
    public async Task<IActionResult> Upload(CancellationToken cancellationToken) =>
        View(await FillAsync(new UploadForm(), cancellationToken));

    [HttpPost("imports/word")]
    public async Task<IActionResult> Upload(UploadForm form, CancellationToken cancellationToken)
    {
        await FillAsync(form, cancellationToken);
        CheckChoices(form);
        var content = await ReadDocumentAsync(form.Document, cancellationToken);
        if (!ModelState.IsValid || content is null)
        {
            return View(form);
        }

        var fileName = PendingImports.SafeFileName(form.Document!.FileName);
        var pending = await pendingImports.KeepAsync(UserId, fileName, content, form.ReviewId is null ? form.SelectCommitteeId : null, form.ReviewId, cancellationToken);
        return Redirect($"/imports/{pending.Id}");
    }

    [HttpGet("imports/{importId:guid}")]
    public async Task<IActionResult> Preview(Guid importId, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(importId, null, cancellationToken);
        return preview is null ? Gone() : View(preview);
    }

    [HttpPost("imports/{importId:guid}/confirm")]
    public async Task<IActionResult> Confirm(Guid importId, ConfirmImportForm form, CancellationToken cancellationToken)
    {
        if (await PreviewAsync(importId, form.LinkOfficerIds, cancellationToken) is not { } preview)
        {
            return Gone();
        }

        if (form.LinkOfficerIds.Any(id => preview.LinkOfficers.All(o => o.Value != id)))
        {
            ModelState.AddModelError(nameof(ConfirmImportForm.LinkOfficerIds), "Select link officers from the list");
        }

        if (!preview.CanBeImported || !ModelState.IsValid)
        {
            return View("Preview", preview);
        }

        if (preview.Matching is { } matching)
        {
            return await AddRoundAsync(preview, matching, cancellationToken);
        }

        if (await confirmation.CreateReviewAsync(preview.Pending, preview.Document, form.LinkOfficerIds.Distinct().ToList(), UserId, cancellationToken) is not { } reviewId)
        {
            return Gone();
        }

        TempData["Success"] = $"{preview.Document.Review} has been imported from {preview.FileName}.";
        return Redirect($"/reviews/{reviewId}/report");
    }

    private async Task<IActionResult> AddRoundAsync(ImportPreviewView preview, LaterRoundMatching.Result matching, CancellationToken cancellationToken)
    {
        if (await laterRounds.AddRoundAsync(preview.Pending, preview.Document, matching, UserId, cancellationToken) is not { } roundId)
        {
            return Gone();
        }

        TempData["Success"] = $"The {preview.Document.Round} round of {preview.Report!.Title} has been imported from {preview.FileName}.";
        return Redirect($"/reviews/{preview.Report.ReviewId}/report?round={roundId}");
    }

    [HttpPost("imports/{importId:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid importId, CancellationToken cancellationToken)
    {
        await pendingImports.DeleteAsync(importId, UserId, cancellationToken);
        TempData["Success"] = "The import was cancelled. Nothing was saved.";
        return Redirect(UploadPath);
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private Task<ImportPreviewView?> PreviewAsync(Guid importId, List<string>? chosen, CancellationToken cancellationToken) =>
        previews.LoadAsync(importId, UserId, chosen, cancellationToken);

    private void CheckChoices(UploadForm form)
    {
        if (form.ReviewId is { } reviewId && form.Reviews.All(r => r.Value != reviewId.ToString()))
        {
            ModelState.AddModelError(nameof(UploadForm.ReviewId), "Select the review from the list, or A new review");
        }
        else if (form.ReviewId is null && (form.SelectCommitteeId is not { } committeeId || form.SelectCommittees.All(c => c.Value != committeeId.ToString())))
        {
            ModelState.AddModelError(nameof(UploadForm.SelectCommitteeId), "Select the Select Committee that carried out the review");
        }
    }

    /// <summary>The uploaded file's bytes once <see cref="WordFileCheck"/> has read it without a refusal; null (with the message) otherwise.</summary>
    private async Task<byte[]?> ReadDocumentAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var fileName = PendingImports.SafeFileName(file?.FileName);
        if (file is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(UploadForm.Document), file is null ? "Select the Word document (.docx) to import" : $"{fileName} is empty. Select the Word document (.docx) to import");
            return null;
        }

        if (file.Length > PendingImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(UploadForm.Document), $"{fileName} is larger than {PendingImport.MaxBytesText}. Progress-update documents are far smaller: remove large pictures from it, then upload it again");
            return null;
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        try
        {
            WordFileCheck.Read(fileName, content);
            return content;
        }
        catch (WordFileRefusedException refused)
        {
            ModelState.AddModelError(nameof(UploadForm.Document), refused.Message);
            return null;
        }
    }

    private async Task<UploadForm> FillAsync(UploadForm form, CancellationToken cancellationToken)
    {
        form.SelectCommittees = await db.SelectCommittees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString()))
            .ToListAsync(cancellationToken);
        form.Reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Monitoring && r.MonitoringClosedOn == null)
            .OrderBy(r => r.Title).ThenBy(r => r.Id)
            .Select(r => new SelectListItem(r.Title + " (" + r.SelectCommittee!.Name + ")", r.Id.ToString()))
            .ToListAsync(cancellationToken);
        return form;
    }

    /// <summary>An import confirmed, cancelled or expired (or another user's) is gone: say so, and how to start again.</summary>
    private ViewResult Gone()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Gone");
    }
}
