using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>The graded report of a review as a PDF: the same document as the report page, printed.</summary>
[Authorize(Policy = Policies.ReadReports)]
[PdfErrorPage]
public sealed class PdfController(ReviewAccess access, ReportQuery reports, RazorDocumentRenderer documents, PdfRenderer printer) : Controller
{
    /// <param name="round">The round to print; the latest when not given.</param>
    /// <param name="drafts">Include updates not yet accepted, for those <see cref="ReportDrafts"/> allows.</param>
    [HttpGet("reviews/{reviewId:int}/report.pdf")]
    public async Task<IActionResult> ReportPdf(int reviewId, int? round, bool drafts = false, CancellationToken cancellationToken = default)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken))
        {
            return NotFound();
        }

        var report = await reports.LoadAsync(reviewId, round, drafts && ReportDrafts.MayInclude(User), cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var name = PrintedDocumentName.ForReport(report.Title, report.Round?.Label, report.IncludesDrafts);
        var html = await documents.RenderAsync(ControllerContext, "ReportPdf", new PrintedReport(report, name));
        var pdf = await printer.RenderAsync(new PdfDocument(html, name.Title), cancellationToken);
        return File(pdf, "application/pdf", name.FileName);
    }
}

/// <summary>The model of ReportPdf.cshtml.</summary>
public sealed record PrintedReport(ReportView Report, PrintedDocumentName Name);
