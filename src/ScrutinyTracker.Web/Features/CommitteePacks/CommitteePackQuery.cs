using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>
/// Reads a committee pack: the committee, and the chosen reviews' reports for their round of the
/// chosen label, accepted updates only (the pack goes into published committee papers). A fixed
/// number of queries however many reviews the pack holds.
/// </summary>
public sealed class CommitteePackQuery(ScrutinyDbContext db, ReviewAccess access, ReportQuery reports)
{
    /// <returns>
    /// Null when the committee does not exist. Chosen reviews without a round of the label are left out, and
    /// so are those of other committees (counted, so that the pack can be refused).
    /// </returns>
    public async Task<CommitteePackView?> LoadAsync(CommitteePackForm form, CancellationToken cancellationToken = default)
    {
        var committee = await db.SelectCommittees.AsNoTracking()
            .Where(c => c.Id == form.SelectCommitteeId)
            .Select(c => c.Name)
            .SingleOrDefaultAsync(cancellationToken);
        if (committee is null || form.MeetingDate is not { } meetingDate)
        {
            return null;
        }

        var rounds = await access.VisibleReviews().AsNoTracking()
            .Where(r => form.ReviewIds.Contains(r.Id))
            .SelectMany(r => r.Rounds)
            .Where(x => x.Label == form.Round)
            .Select(x => new { x.ReviewId, x.Review!.Title, x.Review.SelectCommitteeId, RoundId = x.Id, x.DueDate })
            .ToListAsync(cancellationToken);
        var otherCommittees = rounds.Where(x => x.SelectCommitteeId != form.SelectCommitteeId).Select(x => x.ReviewId).Distinct().Count();
        // A review with two rounds of the same label is printed for the later one.
        var chosen = rounds
            .Where(x => x.SelectCommitteeId == form.SelectCommitteeId)
            .GroupBy(x => x.ReviewId)
            .Select(g => g.OrderByDescending(x => x.DueDate).ThenByDescending(x => x.RoundId).First())
            .OrderBy(x => x.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.ReviewId)
            .Select(x => (x.ReviewId, (int?)x.RoundId))
            .ToList();

        var printed = await reports.LoadManyAsync(chosen, includeDrafts: false, cancellationToken);
        return new CommitteePackView(committee, meetingDate, form.Round, PrintedDocumentName.ForCommitteePack(committee, form.Round), printed, otherCommittees);
    }
}

/// <summary>A committee pack to print: the cover's details and the reports, in the order printed.</summary>
/// <param name="OtherCommitteesReviews">Chosen reviews that belong to another Select Committee: the pack is refused.</param>
/// <param name="StartPages">The page each report starts on, for the cover; null until the pack has been printed once.</param>
public sealed record CommitteePackView(
    string Committee,
    DateOnly MeetingDate,
    string Round,
    PrintedDocumentName Name,
    IReadOnlyList<ReportView> Reports,
    int OtherCommitteesReviews = 0,
    IReadOnlyList<int>? StartPages = null)
{
    /// <summary>Reports with no accepted update in the round: their pages would show the plan without progress.</summary>
    public IReadOnlyList<ReportView> WithoutAcceptedUpdates { get; } = Reports.Where(r => r.Updates.Count == 0).ToList();
}
