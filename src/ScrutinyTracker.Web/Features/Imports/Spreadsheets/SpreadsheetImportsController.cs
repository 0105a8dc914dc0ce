using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// Imports a review's action plan from an Excel or CSV file of the actions spreadsheet's shape: upload,
/// a preview of the plan laid out as the report lays it out (the file kept as a pending import, as the
/// Word import keeps its documents), then one confirmation that saves all of it or nothing. Only into an
/// empty plan, so an import never mixes with what is there.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
[Route("reviews/{reviewId:int}/plan/import")]
public sealed class SpreadsheetImportsController(ImportTargetQuery targets, PendingImports pendingImports, PlanImporting importing) : PlanEditingController
{
    private const string UploadView = "~/Features/Imports/Spreadsheets/Views/Upload.cshtml";
    private const string PreviewView = "~/Features/Imports/Spreadsheets/Views/Preview.cshtml";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("")]
    public async Task<IActionResult> Upload(int reviewId, CancellationToken cancellationToken) =>
        View(UploadView, await targets.LoadAsync(reviewId, cancellationToken));

    /// <param name="file">The workbook or CSV file; the form's only field.</param>
    [HttpPost("")]
    public async Task<IActionResult> Preview(int reviewId, IFormFile? file, CancellationToken cancellationToken)
    {
        var target = await targets.LoadAsync(reviewId, cancellationToken);
        if (target.HasPlan)
        {
            return View(UploadView, target);
        }

        var fileName = PendingImports.SafeFileName(file?.FileName);
        if (SpreadsheetFileReader.Refusal(fileName, file?.Length ?? 0) is { } refusal)
        {
            ModelState.AddModelError(nameof(file), refusal);
            return View(UploadView, target);
        }

        using var stream = new MemoryStream();
        await file!.CopyToAsync(stream, cancellationToken);
        var content = stream.ToArray();
        if (Read(fileName, content) is not { } plan)
        {
            return View(UploadView, target);
        }

        var pending = await pendingImports.KeepAsync(UserId, fileName, content, null, reviewId, cancellationToken);
        return View(PreviewView, new ImportPreviewView(target, PlanImportPreview.AsReport(target, plan), plan, fileName, pending.Id));
    }

    /// <param name="pendingId">The upload the preview showed.</param>
    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm(int reviewId, Guid pendingId, CancellationToken cancellationToken)
    {
        var pending = await pendingImports.FindAsync(pendingId, UserId, cancellationToken);
        var plan = pending?.ReviewId == reviewId ? Read(pending.FileName, pending.Content) : null;
        var result = plan is null ? PlanImportResult.Gone : await importing.SaveAsync(pending!, plan, UserId, cancellationToken);
        if (result != PlanImportResult.Imported)
        {
            ModelState.Clear();
            ModelState.AddModelError("file", result == PlanImportResult.PlanNotEmpty
                ? "The action plan is no longer empty: someone added to it after the preview. Nothing was imported"
                : "The preview could not be used: it expired, was already confirmed, or was for another review. Nothing was imported. Upload the file again");
            return View(UploadView, await targets.LoadAsync(reviewId, cancellationToken));
        }

        TempData["Success"] = $"The action plan was imported from {pending!.FileName}: {PlanImportPreview.Counts(plan!)}.";
        return Redirect(Review.PlanUrl);
    }

    /// <summary>The plan in the file, or null with every problem in the model state.</summary>
    private ImportedPlan? Read(string fileName, byte[] content)
    {
        var reading = SpreadsheetFileReader.Read(fileName, content);
        var (plan, problems) = reading.Sheet is { } sheet ? PlanSheetParser.Parse(sheet) : (null, [reading.Problem!]);
        foreach (var problem in problems)
        {
            ModelState.AddModelError("file", problem);
        }

        return plan;
    }
}
