using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>A round and its updates in document order: four queries whatever the size of the plan.</summary>
public sealed class RoundUpdatesQuery(ScrutinyDbContext db)
{
    public Task<RoundHeader?> HeaderAsync(int roundId, CancellationToken cancellationToken) =>
        db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new RoundHeader(
                r.Id,
                r.ReviewId,
                r.Review!.Title,
                r.Review.ActionPlanAgreed,
                r.Review.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
                r.Label,
                r.DueDate,
                r.Status))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The round an update belongs to, for pages addressed by update.</summary>
    public Task<int?> RoundOfUpdateAsync(int updateId, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Id == updateId)
            .Select(u => (int?)u.RoundId)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<UpdateItem>> ItemsAsync(RoundHeader round, CancellationToken cancellationToken)
    {
        var rows = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.RoundId == round.Id)
            .OrderBy(u => u.PlanAction!.Recommendation!.Position)
            .ThenBy(u => u.PlanAction!.Recommendation!.Number)
            .ThenBy(u => u.PlanAction!.Part == null ? -1 : u.PlanAction.Part.Position)
            .ThenBy(u => u.PlanAction!.Position)
            .ThenBy(u => u.Id)
            .Select(u => new
            {
                u.Id,
                u.PlanActionId,
                u.PlanAction!.Recommendation!.Number,
                RecommendationText = u.PlanAction.Recommendation.Text,
                PartLetter = u.PlanAction.Part!.Letter,
                PartText = u.PlanAction.Part!.Text,
                u.PlanAction.Heading,
                u.PlanAction.Responsibility,
                u.PlanAction.TargetDate,
                u.PlanAction.AgreedAction,
                u.PlanAction.SuccessMeasure,
                u.Status,
                u.Evidence,
                u.Grade,
                u.Explanation,
                u.ExpectedBy,
                u.DelayReason,
                u.ReturnComment,
                u.Version,
                UpdatedBy = u.UpdatedBy!.DisplayName,
                u.UpdatedAtUtc,
                SubmittedBy = u.SubmittedBy!.DisplayName,
                u.SubmittedAtUtc,
            })
            .ToListAsync(cancellationToken);

        var names = await db.ProgressUpdates.Where(u => u.RoundId == round.Id).Select(u => u.PlanAction!).NamesAsync(cancellationToken);
        var previous = await PreviousAsync(round, rows.Select(r => r.PlanActionId).ToList(), cancellationToken);
        return rows.Select(r => new UpdateItem(
                r.Id,
                r.PlanActionId,
                names[r.PlanActionId],
                new RecommendationHeading(r.Number, r.RecommendationText),
                r.PartLetter is null ? null : new PartHeading(r.PartLetter, r.PartText),
                r.Heading,
                r.Responsibility,
                r.TargetDate,
                r.AgreedAction,
                r.SuccessMeasure,
                previous.GetValueOrDefault(r.PlanActionId),
                r.Status,
                r.Evidence,
                r.Grade,
                r.Explanation,
                r.ExpectedBy,
                r.DelayReason,
                r.ReturnComment,
                r.Version,
                r.UpdatedBy,
                r.UpdatedAtUtc,
                r.SubmittedBy,
                r.SubmittedAtUtc,
                round.IsOpen && UpdateLocking.IsOpenForEditing(r.Status)))
            .ToList();
    }

    /// <summary>For each action, its update in the latest earlier round of the review that has one.</summary>
    private async Task<Dictionary<int, PreviousUpdate>> PreviousAsync(RoundHeader round, List<int> actionIds, CancellationToken cancellationToken)
    {
        var earlier = await db.ProgressUpdates.AsNoTracking()
            .Where(u => actionIds.Contains(u.PlanActionId) && u.RoundId != round.Id && u.Round!.DueDate < round.DueDate)
            .Where(u => u.Evidence != "" || u.Grade != null)
            .Select(u => new
            {
                u.PlanActionId,
                u.Round!.DueDate,
                u.Round.Label,
                u.Evidence,
                u.Grade,
                u.Explanation,
                u.ExpectedBy,
                u.DelayReason,
                Outcome = u.CommitteeDecision == null ? (CommitteeOutcome?)null : u.CommitteeDecision.Outcome,
                CommitteeGrade = u.CommitteeDecision == null ? null : u.CommitteeDecision.Grade,
                CommitteeReason = u.CommitteeDecision == null ? null : u.CommitteeDecision.Reason,
            })
            .ToListAsync(cancellationToken);

        return earlier
            .GroupBy(u => u.PlanActionId)
            .Select(g => g.MaxBy(u => u.DueDate)!)
            .ToDictionary(u => u.PlanActionId, u => new PreviousUpdate(u.Label, u.Evidence, u.Grade, u.Explanation)
            {
                ExpectedBy = u.ExpectedBy,
                DelayReason = u.DelayReason,
                Outcome = u.Outcome,
                CommitteeGrade = u.CommitteeGrade,
                CommitteeReason = u.CommitteeReason,
            });
    }
}
