using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Caching;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Public;

/// <summary>
/// The public pages: published reviews for residents, no sign-in. Only what <see cref="PublicReports"/>
/// reads is shown; a review that is not published is 404 on every public address. Each answer carries
/// validators (<see cref="PublicFreshness"/>), is limited per address (<see cref="PublicPageLimits"/>) and, for
/// readers not signed in, is kept in the output cache until what it shows changes (<see cref="PublicPagePolicy"/>).
/// </summary>
[AllowAnonymous]
[AllowedBeforePasswordChange]
[EnableRateLimiting(PublicPageLimits.Policy)]
public sealed class PublicController(PublicReports reports, PublicFreshness freshness, TimeProvider clock) : Controller
{
    [HttpGet("public")]
    [OutputCache(PolicyName = ReviewPageCache.PublicPolicyName)]
    public async Task<IActionResult> Index([FromQuery] PublicListFilter filter, [FromServices] PublicListQuery list, CancellationToken cancellationToken)
    {
        if ((await freshness.OfAllAsync(cancellationToken)).ApplyTo(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        return View(await list.LoadAsync(filter, cancellationToken));
    }

    /// <param name="round">The round to show; when not given, the latest considered one (as the report).</param>
    [HttpGet("public/reviews/{reviewId:int}")]
    [OutputCache(PolicyName = ReviewPageCache.PublicPolicyName)]
    public async Task<IActionResult> Review(int reviewId, int? round, CancellationToken cancellationToken)
    {
        if (await freshness.OfReviewAsync(reviewId, cancellationToken) is not { } stamp)
        {
            return NotFound();
        }

        if (stamp.ApplyTo(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var report = await reports.ReportAsync(reviewId, round, cancellationToken);
        var history = await reports.HistoryAsync(reviewId, cancellationToken);
        if (report is null || history is null)
        {
            return NotFound();
        }

        var lives = await reports.Published().Where(r => r.Id == reviewId).LivesAsync(cancellationToken);
        return View(new PublicReviewView(report, ReportSummary.For(report), history, new ReviewLifeLine(lives[reviewId], UkTime.Today(clock))));
    }

    [HttpGet("public/reviews/{reviewId:int}/report.pdf")]
    [OutputCache(PolicyName = ReviewPageCache.PublicPolicyName)]
    [PdfErrorPage]
    public async Task<IActionResult> ReportPdf(
        int reviewId, int? round, [FromServices] RazorDocumentRenderer documents, [FromServices] PdfRenderer printer, CancellationToken cancellationToken)
    {
        if (await freshness.OfReviewAsync(reviewId, cancellationToken) is not { } stamp)
        {
            return NotFound();
        }

        if (stamp.ApplyTo(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        if (await reports.ReportAsync(reviewId, round, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        var name = PrintedDocumentName.ForReport(report.Title, report.Round?.Label, withDrafts: false);
        var html = await documents.RenderAsync(ControllerContext, "~/Features/Pdf/Views/ReportPdf.cshtml", new PrintedReport(report, name));
        var pdf = await printer.RenderAsync(new PdfDocument(html, name.Title), cancellationToken);
        return File(pdf, "application/pdf", name.FileName);
    }
}

/// <summary>A published review's page: the council's document for a round, its summary, and every round's grades.</summary>
public sealed record PublicReviewView(ReportView Report, ReportSummary Summary, HistoryView History, ReviewLifeLine Life);
