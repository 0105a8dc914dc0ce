using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using ScrutinyTracker.Web.Infrastructure.Caching;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>The graded report of a review (the council's document on screen) and its history of grades.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ReportsController(ReviewAccess access, ReportQuery reports, HistoryQuery history, TimeProvider clock) : Controller
{
    /// <param name="round">The round to show; the latest when not given.</param>
    /// <param name="drafts">Include updates not yet accepted, for those <see cref="ReportDrafts"/> allows.</param>
    [HttpGet("reviews/{reviewId:int}/report")]
    [OutputCache(PolicyName = ReviewPageCache.PolicyName)]
    public async Task<IActionResult> Report(int reviewId, int? round, bool drafts = false, CancellationToken cancellationToken = default)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken))
        {
            return NotFound();
        }

        var mayIncludeDrafts = ReportDrafts.MayInclude(User);
        var report = await reports.LoadAsync(reviewId, round, drafts && mayIncludeDrafts, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var lives = await access.VisibleReviews().Where(r => r.Id == reviewId).LivesAsync(cancellationToken);
        return View(new ReportPageView(report, ReportSummary.For(report), mayIncludeDrafts, new ReviewLifeLine(lives[reviewId], Infrastructure.UkTime.Today(clock))));
    }

    [HttpGet("reviews/{reviewId:int}/history")]
    [OutputCache(PolicyName = ReviewPageCache.PolicyName)]
    public async Task<IActionResult> History(int reviewId, CancellationToken cancellationToken = default)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken))
        {
            return NotFound();
        }

        var view = await history.LoadAsync(reviewId, cancellationToken);
        return view is null ? NotFound() : View(view);
    }
}

/// <summary>The report page: the summary, the round and drafts choices, and the document itself.</summary>
public sealed record ReportPageView(ReportView Report, ReportSummary Summary, bool MayIncludeDrafts, ReviewLifeLine Life);
