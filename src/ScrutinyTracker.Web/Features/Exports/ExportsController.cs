using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Features.Dashboard;
using ScrutinyTracker.Web.Features.Exports.Word;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Exports;

/// <summary>
/// The report as a Word document, and spreadsheets of actions, one row per action per round, with the rights of the page they are
/// downloaded from: a review's report (link officers their own reviews; drafts only for those
/// <see cref="ReportDrafts"/> allows, when asked) and the dashboard (the reviews its filters select,
/// accepted updates only, as the dashboard counts). A committee pack's are made by its own form.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ExportsController(ReviewAccess access, ActionExportQuery actions, DashboardQuery dashboard, PrintedReports printedReports, TimeProvider clock) : Controller
{
    /// <summary>The council's progress-update document of a round as Word: the same content as the PDF, to edit.</summary>
    /// <param name="round">The round; the latest closed one (as the report) when not given.</param>
    /// <param name="drafts">Include updates not yet accepted, for those <see cref="ReportDrafts"/> allows.</param>
    [HttpGet("reviews/{reviewId:int}/report.docx")]
    public async Task<IActionResult> ReportWord(int reviewId, int? round, bool drafts = false, CancellationToken cancellationToken = default)
    {
        if (await printedReports.LoadAsync(User, reviewId, round, drafts, cancellationToken) is not { } printed)
        {
            return NotFound();
        }

        return File(WordDocuments.Report(printed.Report, printed.Name), WordDocuments.ContentType, printed.Name.FileNameWith(".docx"));
    }

    /// <param name="drafts">Include updates not yet accepted, as the report does.</param>
    [HttpGet("reviews/{reviewId:int}/actions.xlsx")]
    public Task<IActionResult> ReviewExcel(int reviewId, bool drafts = false, CancellationToken cancellationToken = default) =>
        ReviewAsync(reviewId, drafts, SpreadsheetFormat.Excel, cancellationToken);

    /// <param name="drafts">Include updates not yet accepted, as the report does.</param>
    [HttpGet("reviews/{reviewId:int}/actions.csv")]
    public Task<IActionResult> ReviewCsv(int reviewId, bool drafts = false, CancellationToken cancellationToken = default) =>
        ReviewAsync(reviewId, drafts, SpreadsheetFormat.Csv, cancellationToken);

    [HttpGet("dashboard/actions.xlsx")]
    public Task<IActionResult> DashboardExcel([FromQuery] DashboardFilter filter, CancellationToken cancellationToken = default) =>
        DashboardAsync(filter, SpreadsheetFormat.Excel, cancellationToken);

    [HttpGet("dashboard/actions.csv")]
    public Task<IActionResult> DashboardCsv([FromQuery] DashboardFilter filter, CancellationToken cancellationToken = default) =>
        DashboardAsync(filter, SpreadsheetFormat.Csv, cancellationToken);

    private async Task<IActionResult> ReviewAsync(int reviewId, bool drafts, SpreadsheetFormat format, CancellationToken cancellationToken)
    {
        var title = await access.VisibleReviews().Where(r => r.Id == reviewId).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        var includeDrafts = drafts && ReportDrafts.MayInclude(User);
        var rows = await actions.LoadAsync([reviewId], includeDrafts, cancellationToken);
        return ActionSpreadsheet.Download(rows, PrintedDocumentName.ForActions(title, includeDrafts), format);
    }

    private async Task<IActionResult> DashboardAsync(DashboardFilter filter, SpreadsheetFormat format, CancellationToken cancellationToken)
    {
        var reviewIds = await dashboard.MatchingReviewIdsAsync(filter, cancellationToken);
        var rows = await actions.LoadAsync(reviewIds, includeDrafts: false, cancellationToken);
        var name = PrintedDocumentName.ForActions($"Dashboard {UkTime.Date(UkTime.Today(clock))}", withDrafts: false);
        return ActionSpreadsheet.Download(rows, name, format);
    }
}
