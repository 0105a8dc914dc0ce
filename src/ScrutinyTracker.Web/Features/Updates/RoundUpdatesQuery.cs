using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>A round and its updates in document order: three queries whatever the size of the plan.</summary>
public sealed class RoundUpdatesQuery(ScrutinyDbContext db)
{
    /// <summary>
    /// Runs a page's queries on one connection, opened once and given back to the pool before the page is
    /// rendered. Profiled under load, each query opening its own pooled SQLite connection took the pool's
    /// lock twice and had EF Core register its SQL functions on the connection again: one open instead
    /// of five per round form (docs/benchmarks.md).
    /// </summary>
    public async Task<T> OnOneConnectionAsync<T>(Func<Task<T>> queries, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await queries();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
                u.PlanAction.Position,
                // For its name (ActionName.Of): how many actions share its row of the table, counted as ActionName.NamesAsync does.
                Columns = u.PlanAction.PartId == null
                    ? u.PlanAction.Recommendation.Actions.Count(x => x.PartId == null)
                    : u.PlanAction.Part!.Actions.Count,
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

        var previous = await PreviousAsync(round, rows.Select(r => r.PlanActionId).ToList(), cancellationToken);
        return rows.Select(r => new UpdateItem(
                r.Id,
                r.PlanActionId,
                ActionName.Of(r.Number, r.PartLetter, r.Heading, r.Position, r.Columns),
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
