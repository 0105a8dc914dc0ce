using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Public;

/// <summary>
/// The public reader of the council's document: published reviews only, accepted updates only (with the
/// committee's decisions on them), and no user accounts. Everything public (the pages, the PDF, the open
/// data) reads through here, so nothing a resident sees comes by another road (decision 0019).
/// </summary>
public sealed class PublicReports(ScrutinyDbContext db, ReportQuery reports, HistoryQuery history)
{
    /// <summary>The reviews a resident may see.</summary>
    public IQueryable<Review> Published() => db.Reviews.AsNoTracking().Where(r => r.PublishedAtUtc != null);

    public Task<bool> IsPublishedAsync(int reviewId, CancellationToken cancellationToken) =>
        Published().AnyAsync(r => r.Id == reviewId, cancellationToken);

    /// <returns>Null when the review is not published or the round is not one of its rounds.</returns>
    public async Task<ReportView?> ReportAsync(int reviewId, int? roundId, CancellationToken cancellationToken)
    {
        if (!await IsPublishedAsync(reviewId, cancellationToken))
        {
            return null;
        }

        return await reports.LoadAsync(reviewId, roundId, includeDrafts: false, cancellationToken) is { } report
            ? ForPublic(report)
            : null;
    }

    /// <summary>Each action's accepted grade in every round (the history reads accepted updates only).</summary>
    public Task<HistoryView?> HistoryAsync(int reviewId, CancellationToken cancellationToken) =>
        history.LoadAsync(reviewId, cancellationToken);

    /// <summary>A report read with accepted updates only, made fit for the public: no link officers' names.</summary>
    public static ReportView ForPublic(ReportView report) =>
        report.IncludesDrafts
            ? throw new InvalidOperationException("A report with drafts can never be shown in public.")
            : report with { LinkOfficers = [], ForPublic = true };
}
