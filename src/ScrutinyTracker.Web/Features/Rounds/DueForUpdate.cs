using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>What needs a scrutiny officer's attention: reviews due for their next round, and open rounds still missing updates.</summary>
public sealed record DueForUpdateView(DateOnly Today, IReadOnlyList<ReviewDue> Reviews, IReadOnlyList<RoundWaiting> Rounds);

/// <summary>A review with no open round whose next round is due within 30 days, or overdue.</summary>
public sealed record ReviewDue(int ReviewId, string Title, DateOnly DueDate, string? LastRound, IReadOnlyList<string> LinkOfficers);

/// <summary>An open round in which some updates are not yet submitted (drafts) or were returned.</summary>
public sealed record RoundWaiting(int RoundId, int ReviewId, string Title, string Label, DateOnly DueDate, int NotSubmitted, int Returned, IReadOnlyList<string> LinkOfficers);

/// <summary>Two queries, whatever the number of reviews.</summary>
public sealed class DueForUpdateQuery(ScrutinyDbContext db, TimeProvider clock)
{
    public async Task<DueForUpdateView> LoadAsync(CancellationToken cancellationToken)
    {
        var today = Infrastructure.UkTime.Today(clock);

        var monitored = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Monitoring && !r.Rounds.Any(x => x.Status == RoundStatus.Open))
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.ActionPlanAgreed,
                LastRound = r.Rounds.OrderByDescending(x => x.DueDate).Select(x => new { x.Label, x.DueDate }).FirstOrDefault(),
                LinkOfficers = r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
            })
            .ToListAsync(cancellationToken);
        var reviews = monitored
            .Select(r => new ReviewDue(r.Id, r.Title, RoundSchedule.NextDueDate(r.ActionPlanAgreed, r.LastRound?.DueDate), r.LastRound?.Label, r.LinkOfficers))
            .Where(r => RoundSchedule.IsDueForUpdate(r.DueDate, today))
            .OrderBy(r => r.DueDate).ThenBy(r => r.Title)
            .ToList();

        var rounds = await db.Rounds.AsNoTracking()
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

        return new DueForUpdateView(today, reviews, rounds);
    }
}
