using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Reviews;

/// <summary>A review's summary page: its details, where it is in its monitoring cycle, its rounds, and what this user may do.</summary>
public sealed record ReviewOverview(
    int Id,
    string Title,
    string SelectCommittee,
    YearMonth? ActionPlanAgreed,
    DateOnly? ReportToExecutive,
    ReviewStatus Status,
    IReadOnlyList<string> LinkOfficers,
    int Recommendations,
    int ResponsesRecorded,
    MonitoringIntervals Intervals,
    bool OwnIntervals,
    string? MonitoringClosedReason,
    IReadOnlyList<RoundSummary> Rounds)
{
    public ReviewLife Life { get; init; } = default!;

    public DateOnly Today { get; init; }

    /// <summary>When the review was published on the public pages; null while it is not.</summary>
    public DateTime? PublishedAtUtc { get; init; }

    /// <summary>Administrators and scrutiny officers: edit, complete, open and close rounds, check updates.</summary>
    public bool CanManage { get; init; }

    /// <summary>Link officers of this review, and officers: fill in the open round's updates.</summary>
    public bool CanEnterUpdates { get; init; }

    public RoundSummary? OpenRound => Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open);

    /// <summary>The latest round, whose committee decisions can still be changed while no later round exists.</summary>
    public RoundSummary? LatestRound => Rounds.Count == 0 ? null : Rounds[^1];

    public ReviewLifeLine LifeLine => new(Life, Today);
}

/// <param name="ConsideredOn">The committee meeting's date; null while not considered, or for a round considered before meetings were recorded.</param>
public sealed record RoundSummary(int Id, string Label, DateOnly DueDate, RoundStatus Status, int Updates, int Accepted, bool IsConsidered, DateOnly? ConsideredOn)
{
    public bool AwaitsCommittee => Status == RoundStatus.Closed && !IsConsidered;
}

public sealed class ReviewOverviewQuery(ScrutinyDbContext db, TimeProvider clock)
{
    /// <summary>Two queries, whatever the number of rounds.</summary>
    public async Task<ReviewOverview?> LoadAsync(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new ReviewOverview(
                r.Id,
                r.Title,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.ReportToExecutive,
                r.Status,
                r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
                r.Recommendations.Count,
                r.Recommendations.Count(x => x.ExecutiveResponse != null),
                new MonitoringIntervals(r.FirstUpdateMonths ?? r.SelectCommittee.FirstUpdateMonths, r.FollowUpMonths ?? r.SelectCommittee.FollowUpMonths),
                r.FirstUpdateMonths != null || r.FollowUpMonths != null,
                r.MonitoringClosedReason,
                r.Rounds.OrderBy(x => x.DueDate).Select(x => new RoundSummary(
                    x.Id,
                    x.Label,
                    x.DueDate,
                    x.Status,
                    x.Updates.Count,
                    x.Updates.Count(u => u.Status == UpdateStatus.Accepted),
                    x.Consideration != null,
                    x.Consideration!.MeetingDate)).ToList())
            {
                PublishedAtUtc = r.PublishedAtUtc,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var lives = await db.Reviews.Where(r => r.Id == reviewId).LivesAsync(cancellationToken);
        return review with { Life = lives[reviewId], Today = Infrastructure.UkTime.Today(clock) };
    }
}
