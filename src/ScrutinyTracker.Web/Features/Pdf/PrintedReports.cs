using System.Security.Claims;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Pdf;

/// <summary>
/// A review's report as a document to download (PDF or Word), with the rights of the report page:
/// only a review the user may read (<see cref="ReviewAccess"/>), and drafts only when asked for and
/// <see cref="ReportDrafts"/> allows. The public reader's copy is made by the public pages.
/// </summary>
public sealed class PrintedReports(ReviewAccess access, ReportQuery reports)
{
    /// <returns>Null (answer 404, so nothing leaks) when the user may not read the review, it is not here, or the round is not one of its rounds.</returns>
    public async Task<PrintedReport?> LoadAsync(ClaimsPrincipal user, int reviewId, int? round, bool drafts, CancellationToken cancellationToken)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken))
        {
            return null;
        }

        var report = await reports.LoadAsync(reviewId, round, drafts && ReportDrafts.MayInclude(user), cancellationToken);
        return report is null
            ? null
            : new PrintedReport(report, PrintedDocumentName.ForReport(report.Title, report.Round?.Label, report.IncludesDrafts));
    }
}
