using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;

namespace ScrutinyTracker.Web.Features.CommitteeDecisions;

/// <summary>A round with its updates and the committee's decisions: four queries whatever the size of the round.</summary>
public sealed class ConsiderationQuery(ScrutinyDbContext db, TimeProvider clock)
{
    public async Task<ConsiderationView?> LoadAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new
            {
                r.Id,
                r.ReviewId,
                r.Review!.Title,
                r.Label,
                r.Status,
                Locked = r.Review.Status == ReviewStatus.Completed || r.Review.MonitoringClosedOn != null,
                LaterRound = r.Review.Rounds.Where(x => x.DueDate > r.DueDate).OrderBy(x => x.DueDate).Select(x => x.Label).FirstOrDefault(),
                ReviewCommitteeId = r.Review.SelectCommitteeId,
                Consideration = r.Consideration == null ? null : new
                {
                    r.Consideration.MeetingDate,
                    r.Consideration.SelectCommitteeId,
                    r.Consideration.MinuteReference,
                    r.Consideration.Version,
                },
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }

        var committees = await db.SelectCommittees.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString()))
            .ToListAsync(cancellationToken);
        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.RoundId == roundId)
            .OrderBy(u => u.PlanAction!.Recommendation!.Position)
            .ThenBy(u => u.PlanAction!.Part == null ? -1 : u.PlanAction.Part.Position)
            .ThenBy(u => u.PlanAction!.Position)
            .ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id,
                u.PlanActionId,
                u.Grade,
                u.Evidence,
                u.Explanation,
                Outcome = u.CommitteeDecision == null ? (CommitteeOutcome?)null : u.CommitteeDecision.Outcome,
                CommitteeGrade = u.CommitteeDecision == null ? null : u.CommitteeDecision.Grade,
                Reason = u.CommitteeDecision == null ? null : u.CommitteeDecision.Reason,
            })
            .ToListAsync(cancellationToken);
        var names = await db.ProgressUpdates.Where(u => u.RoundId == roundId).Select(u => u.PlanAction!).NamesAsync(cancellationToken);

        return new ConsiderationView(
            round.Id,
            round.ReviewId,
            round.Title,
            round.Label,
            round.Status,
            round.Locked,
            round.LaterRound,
            round.Consideration is not null,
            round.Consideration?.MeetingDate,
            round.Consideration?.SelectCommitteeId ?? round.ReviewCommitteeId,
            round.Consideration?.MinuteReference,
            round.Consideration?.Version ?? Guid.Empty,
            committees,
            updates.Select(u => new ConsideredUpdate(u.Id, u.PlanActionId, names[u.PlanActionId], u.Grade, u.Evidence, u.Explanation, u.Outcome, u.CommitteeGrade, u.Reason)).ToList(),
            Infrastructure.UkTime.Today(clock));
    }
}
