using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Updates;

public sealed record MyUpdatesView(IReadOnlyList<ReturnedUpdate> Returned, IReadOnlyList<MyRound> Rounds);

/// <summary>An update the scrutiny officer sent back, with their comment.</summary>
public sealed record ReturnedUpdate(int RoundId, int UpdateId, string ReviewTitle, string RoundLabel, string ActionName, string? Comment);

public sealed record MyRound(int Id, string ReviewTitle, string Label, DateOnly DueDate, int Actions, int Done, int Returned, int Sent, int Accepted, bool IsOverdue)
{
    public bool AllSent => Actions > 0 && Sent == Actions;

    public bool AllAccepted => Actions > 0 && Accepted == Actions;
}

/// <summary>The open rounds of the reviews the signed-in user is link officer for: three queries (one for the rounds alone).</summary>
public sealed class MyUpdatesQuery(ScrutinyDbContext db, ReviewAccess access, TimeProvider clock)
{
    private IQueryable<Round> MyOpenRounds
    {
        get
        {
            var userId = access.UserId;
            return db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open && r.Review!.LinkOfficers.Any(l => l.UserId == userId));
        }
    }

    public async Task<MyUpdatesView> RunAsync(CancellationToken cancellationToken)
    {
        var rounds = await OpenRoundsAsync(cancellationToken);
        var returned = await MyOpenRounds
            .SelectMany(r => r.Updates)
            .Where(u => u.Status == UpdateStatus.Returned)
            .OrderBy(u => u.Round!.DueDate)
            .ThenBy(u => u.PlanAction!.Recommendation!.Position)
            .ThenBy(u => u.PlanAction!.Part == null ? -1 : u.PlanAction.Part.Position)
            .ThenBy(u => u.PlanAction!.Position)
            .Select(u => new
            {
                u.RoundId,
                u.Id,
                u.Round!.Review!.Title,
                u.Round.Label,
                u.PlanActionId,
                u.ReturnComment,
            })
            .ToListAsync(cancellationToken);

        var actionIds = returned.Select(u => u.PlanActionId).ToList();
        var names = actionIds.Count == 0 ? [] : await db.PlanActions.Where(a => actionIds.Contains(a.Id)).NamesAsync(cancellationToken);
        return new MyUpdatesView(
            returned.Select(u => new ReturnedUpdate(u.RoundId, u.Id, u.Title, u.Label, names[u.PlanActionId], u.ReturnComment)).ToList(),
            rounds);
    }

    /// <summary>The user's open rounds, those with returned updates first, then by due date: one query.</summary>
    public async Task<IReadOnlyList<MyRound>> OpenRoundsAsync(CancellationToken cancellationToken)
    {
        var rounds = await MyOpenRounds
            .Select(r => new
            {
                r.Id,
                r.Review!.Title,
                r.Label,
                r.DueDate,
                Actions = r.Updates.Count,
                Done = r.Updates.Count(u => u.Status == UpdateStatus.Submitted || u.Status == UpdateStatus.Accepted || (u.Evidence != "" && u.Grade != null)),
                Returned = r.Updates.Count(u => u.Status == UpdateStatus.Returned),
                Sent = r.Updates.Count(u => u.Status == UpdateStatus.Submitted || u.Status == UpdateStatus.Accepted),
                Accepted = r.Updates.Count(u => u.Status == UpdateStatus.Accepted),
            })
            .ToListAsync(cancellationToken);
        var today = UkTime.Today(clock);
        return rounds
            .Select(r => new MyRound(r.Id, r.Title, r.Label, r.DueDate, r.Actions, r.Done, r.Returned, r.Sent, r.Accepted, today > r.DueDate && r.Sent < r.Actions))
            .OrderByDescending(r => r.Returned > 0)
            .ThenBy(r => r.DueDate)
            .ThenBy(r => r.ReviewTitle, StringComparer.CurrentCulture)
            .ToList();
    }
}
