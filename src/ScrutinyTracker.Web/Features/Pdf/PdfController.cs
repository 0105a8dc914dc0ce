using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>The graded report of a review as a PDF: the same document as the report page, printed.</summary>
[Authorize(Policy = Policies.ReadReports)]
[PdfErrorPage]
public sealed class PdfController(PrintedReports printedReports, RazorDocumentRenderer documents, PdfRenderer printer) : Controller
{
    /// <param name="round">The round to print; the latest when not given.</param>
    /// <param name="drafts">Include updates not yet accepted, for those <see cref="ReportDrafts"/> allows.</param>
    [HttpGet("reviews/{reviewId:int}/report.pdf")]
    public async Task<IActionResult> ReportPdf(int reviewId, int? round, bool drafts = false, CancellationToken cancellationToken = default)
    {
        if (await printedReports.LoadAsync(User, reviewId, round, drafts, cancellationToken) is not { } printed)
        {
            return NotFound();
        }

        var html = await documents.RenderAsync(ControllerContext, "ReportPdf", printed);
        var pdf = await printer.RenderAsync(new PdfDocument(html, printed.Name.Title), cancellationToken);
        return File(pdf, "application/pdf", printed.Name.FileName);
    }
}

/// <summary>The model of ReportPdf.cshtml.</summary>
public sealed record PrintedReport(ReportView Report, PrintedDocumentName Name);
