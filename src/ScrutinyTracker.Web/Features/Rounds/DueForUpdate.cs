using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>
/// What needs a scrutiny officer's attention: Executive responses awaited, reviews due for their next
/// round, rounds awaiting the committee, and open rounds still missing updates.
/// </summary>
public sealed record DueForUpdateView(
    DateOnly Today,
    IReadOnlyList<ResponseDue> Responses,
    IReadOnlyList<ReviewDue> Reviews,
    IReadOnlyList<RoundAwaitingCommittee> AwaitingCommittee,
    IReadOnlyList<RoundWaiting> Rounds);

/// <summary>A review with recommendations still awaiting the Executive's response; due two months after the report went to it.</summary>
public sealed record ResponseDue(int ReviewId, string Title, int Awaiting, DateOnly? DueDate);

/// <summary>A review with no open round whose next round is due within 30 days, or overdue.</summary>
public sealed record ReviewDue(int ReviewId, string Title, DateOnly DueDate, string? LastRound, IReadOnlyList<string> LinkOfficers);

/// <summary>A closed round whose committee decisions are not recorded yet.</summary>
public sealed record RoundAwaitingCommittee(int RoundId, int ReviewId, string Title, string Label, string SelectCommittee);

/// <summary>An open round in which some updates are not yet submitted (drafts) or were returned.</summary>
public sealed record RoundWaiting(int RoundId, int ReviewId, string Title, string Label, DateOnly DueDate, int NotSubmitted, int Returned, IReadOnlyList<string> LinkOfficers);

/// <summary>Four queries, whatever the number of reviews. When each is due follows the review's <see cref="MonitoringIntervals"/>.</summary>
public sealed class DueForUpdateQuery(ScrutinyDbContext db, TimeProvider clock)
{
    public async Task<DueForUpdateView> LoadAsync(CancellationToken cancellationToken)
    {
        var today = Infrastructure.UkTime.Today(clock);
        var lives = await db.Reviews.LivesAsync(cancellationToken);
        var reviewRows = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Monitoring && r.MonitoringClosedOn == null)
            .Select(r => new
            {
                r.Id,
                r.Title,
                LastRound = r.Rounds.OrderByDescending(x => x.DueDate).Select(x => x.Label).FirstOrDefault(),
                LinkOfficers = r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
            })
            .ToListAsync(cancellationToken);

        var responses = reviewRows
            .Select(r => (Row: r, Life: lives[r.Id]))
            .Where(x => x.Life.AwaitingResponses > 0)
            .Select(x => new ResponseDue(x.Row.Id, x.Row.Title, x.Life.AwaitingResponses, x.Life.ExecutiveResponseDue))
            .OrderBy(r => r.DueDate ?? DateOnly.MaxValue).ThenBy(r => r.Title)
            .ToList();
        var reviews = reviewRows
            .Select(r => (Row: r, Life: lives[r.Id]))
            .Where(x => x.Life.Stage is ReviewStage.ActionPlanAgreed or ReviewStage.Monitoring
                && !x.Life.HasOpenRound && x.Life.RoundAwaitingCommittee is null
                && x.Life.NextUpdateDue is { } due && RoundSchedule.IsDueForUpdate(due, today))
            .Select(x => new ReviewDue(x.Row.Id, x.Row.Title, x.Life.NextUpdateDue!.Value, x.Row.LastRound, x.Row.LinkOfficers))
            .ToList();

        var open = await OpenRoundsAsync(cancellationToken);
        var awaitingCommittee = await db.Rounds.AsNoTracking()
            .Where(x => x.Status == RoundStatus.Closed && x.Consideration == null
                && x.Review!.Status == ReviewStatus.Monitoring && x.Review.MonitoringClosedOn == null)
            .OrderBy(x => x.DueDate).ThenBy(x => x.Review!.Title)
            .Select(x => new RoundAwaitingCommittee(x.Id, x.ReviewId, x.Review!.Title, x.Label, x.Review.SelectCommittee!.Name))
            .ToListAsync(cancellationToken);

        return new DueForUpdateView(
            today,
            responses,
            reviews.OrderBy(r => r.DueDate).ThenBy(r => r.Title).ToList(),
            awaitingCommittee,
            open);
    }

    private Task<List<RoundWaiting>> OpenRoundsAsync(CancellationToken cancellationToken) =>
        db.Rounds.AsNoTracking()
            .Where(x => x.Status == RoundStatus.Open && x.Updates.Any(u => u.Status == UpdateStatus.Draft || u.Status == UpdateStatus.Returned))
            .OrderBy(x => x.DueDate).ThenBy(x => x.Review!.Title)
            .Select(x => new RoundWaiting(
                x.Id,
                x.ReviewId,
                x.Review!.Title,
                x.Label,
                x.DueDate,
                x.Updates.Count(u => u.Status == UpdateStatus.Draft),
                x.Updates.Count(u => u.Status == UpdateStatus.Returned),
                x.Review.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList()))
            .ToListAsync(cancellationToken);
}
