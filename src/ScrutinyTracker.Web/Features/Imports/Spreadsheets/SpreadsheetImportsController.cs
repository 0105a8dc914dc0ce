using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// Imports a review's action plan from an Excel or CSV file of the actions spreadsheet's shape: upload,
/// a preview of the plan laid out as the report lays it out (nothing saved), then one confirmation that
/// saves all of it or nothing. Only into an empty plan, so an import never mixes with what is there.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
[Route("reviews/{reviewId:int}/plan/import")]
public sealed class SpreadsheetImportsController(ImportTargetQuery targets, PendingPlanImports pending, PlanImporting importing) : PlanEditingController
{
    private const string UploadView = "~/Features/Imports/Spreadsheets/Views/Upload.cshtml";
    private const string PreviewView = "~/Features/Imports/Spreadsheets/Views/Preview.cshtml";

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

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

        var reading = await SpreadsheetFileReader.ReadAsync(file, cancellationToken);
        var (plan, problems) = reading.Sheet is { } sheet ? PlanSheetParser.Parse(sheet) : (null, [reading.Problem!]);
        if (plan is null)
        {
            foreach (var problem in problems)
            {
                ModelState.AddModelError(nameof(file), problem);
            }

            return View(UploadView, target);
        }

        var fileName = Path.GetFileName(file!.FileName);
        var token = pending.Protect(new PendingPlanImport(reviewId, UserId ?? "", fileName, plan));
        return View(PreviewView, new ImportPreviewView(target, ImportPreview.AsReport(target, plan), plan, fileName, token));
    }

    /// <param name="payload">The previewed plan, as <see cref="PendingPlanImports"/> protected it.</param>
    [HttpPost("confirm")]
    public async Task<IActionResult> Confirm(int reviewId, string? payload, CancellationToken cancellationToken)
    {
        var import = pending.Unprotect(payload, reviewId, UserId);
        if (import is null)
        {
            ModelState.AddModelError("file", "The preview could not be used: it expired, or it was for another review. Nothing was imported. Upload the file again");
        }
        else if (!await importing.SaveAsync(reviewId, import, User, cancellationToken))
        {
            ModelState.AddModelError("file", "The action plan is no longer empty: someone added to it after the preview. Nothing was imported");
        }

        if (!ModelState.IsValid)
        {
            return View(UploadView, await targets.LoadAsync(reviewId, cancellationToken));
        }

        TempData["Success"] = $"The action plan was imported from {import!.FileName}: {ImportPreview.Counts(import.Plan)}.";
        return Redirect(Review.PlanUrl);
    }
}
