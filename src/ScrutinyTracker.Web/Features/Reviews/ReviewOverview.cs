using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Rounds;

namespace ScrutinyTracker.Web.Features.Reviews;

/// <summary>A review's summary page: its details, its rounds, and what this user may do with them.</summary>
public sealed record ReviewOverview(
    int Id,
    string Title,
    string SelectCommittee,
    YearMonth ActionPlanAgreed,
    ReviewStatus Status,
    IReadOnlyList<string> LinkOfficers,
    IReadOnlyList<RoundSummary> Rounds)
{
    /// <summary>Administrators and scrutiny officers: edit, complete, open and close rounds, check updates.</summary>
    public bool CanManage { get; init; }

    /// <summary>Link officers of this review, and officers: fill in the open round's updates.</summary>
    public bool CanEnterUpdates { get; init; }

    public RoundSummary? OpenRound => Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open);

    public DateOnly NextRoundDue => RoundSchedule.NextDueDate(ActionPlanAgreed, Rounds.Count == 0 ? null : Rounds.Max(r => r.DueDate));
}

public sealed record RoundSummary(int Id, string Label, DateOnly DueDate, RoundStatus Status, int Updates, int Accepted);

public sealed class ReviewOverviewQuery(ScrutinyDbContext db)
{
    /// <summary>One query, whatever the number of rounds.</summary>
    public Task<ReviewOverview?> LoadAsync(int reviewId, CancellationToken cancellationToken) =>
        db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new ReviewOverview(
                r.Id,
                r.Title,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.Status,
                r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
                r.Rounds.OrderBy(x => x.DueDate).Select(x => new RoundSummary(
                    x.Id,
                    x.Label,
                    x.DueDate,
                    x.Status,
                    x.Updates.Count,
                    x.Updates.Count(u => u.Status == UpdateStatus.Accepted))).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
}
