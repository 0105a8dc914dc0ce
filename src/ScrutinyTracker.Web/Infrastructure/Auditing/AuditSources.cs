using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Auditing;

/// <summary>
/// Names the review (and plan action) each audited change belongs to, so the trail can be read per
/// review and per action. Rows that hold no review id find it in at most three queries.
/// </summary>
internal sealed class AuditSources
{
    private readonly Dictionary<int, int> _byRecommendation;
    private readonly Dictionary<int, int> _byRound;
    private readonly Dictionary<int, (int ReviewId, int PlanActionId)> _byUpdate;

    private AuditSources(Dictionary<int, int> byRecommendation, Dictionary<int, int> byRound, Dictionary<int, (int ReviewId, int PlanActionId)> byUpdate)
    {
        _byRecommendation = byRecommendation;
        _byRound = byRound;
        _byUpdate = byUpdate;
    }

    /// <summary>Finds the review (and action) of changed parts, actions, responses, updates and decisions.</summary>
    public static async Task<AuditSources> LoadAsync(ScrutinyDbContext db, IReadOnlyList<AuditedChange> changes, CancellationToken cancellationToken)
    {
        var recommendationIds = changes.Select(c => c.Entry.Entity switch
        {
            RecommendationPart or PlanAction or ExecutiveResponse => Key(c.Entry, nameof(PlanAction.RecommendationId)),
            _ => 0,
        }).Where(id => id != 0).Distinct().ToList();
        var roundIds = changes.Select(c => c.Entry.Entity is ProgressUpdate or CommitteeConsideration ? Key(c.Entry, nameof(ProgressUpdate.RoundId)) : 0)
            .Where(id => id != 0).Distinct().ToList();
        var updateIds = changes.Select(c => c.Entry.Entity is CommitteeDecision ? Key(c.Entry, nameof(CommitteeDecision.ProgressUpdateId)) : 0)
            .Where(id => id != 0).Distinct().ToList();

        var byRecommendation = recommendationIds.Count == 0
            ? new Dictionary<int, int>()
            : await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.ReviewId, cancellationToken);
        var byRound = roundIds.Count == 0
            ? new Dictionary<int, int>()
            : await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.ReviewId, cancellationToken);
        var byUpdate = updateIds.Count == 0
            ? new Dictionary<int, (int, int)>()
            : await db.ProgressUpdates.AsNoTracking().Where(u => updateIds.Contains(u.Id))
                .Select(u => new { u.Id, u.PlanActionId, u.Round!.ReviewId })
                .ToDictionaryAsync(u => u.Id, u => (u.ReviewId, u.PlanActionId), cancellationToken);
        return new AuditSources(byRecommendation, byRound, byUpdate);
    }

    public (int? ReviewId, int? PlanActionId) Of(EntityEntry entry) => entry.Entity switch
    {
        Review => (Key(entry, nameof(Review.Id)), null),
        ReviewLinkOfficer or Recommendation or Round or DocumentImport => (Key(entry, nameof(Round.ReviewId)), null),
        RecommendationPart => (Find(_byRecommendation, Key(entry, nameof(RecommendationPart.RecommendationId))), null),
        PlanAction => (Find(_byRecommendation, Key(entry, nameof(PlanAction.RecommendationId))), Key(entry, nameof(PlanAction.Id))),
        ProgressUpdate => (Find(_byRound, Key(entry, nameof(ProgressUpdate.RoundId))), Key(entry, nameof(ProgressUpdate.PlanActionId))),
        ExecutiveResponse => (Find(_byRecommendation, Key(entry, nameof(ExecutiveResponse.RecommendationId))), null),
        CommitteeConsideration => (Find(_byRound, Key(entry, nameof(CommitteeConsideration.RoundId))), null),
        CommitteeDecision => _byUpdate.TryGetValue(Key(entry, nameof(CommitteeDecision.ProgressUpdateId)), out var owners)
            ? (owners.ReviewId, owners.PlanActionId) : (null, null),
        _ => (null, null),
    };

    /// <summary>
    /// Read through the entry, not the entity: until the save's transaction commits its changes are not
    /// accepted, and keys the database generated are known to the entry only.
    /// </summary>
    private static int Key(EntityEntry entry, string property) => entry.Property(property).CurrentValue is int value ? value : 0;

    /// <summary>Null when the owner is gone (e.g. deleted in the same save), so no review is wrongly named.</summary>
    private static int? Find(Dictionary<int, int> reviewIds, int key) => reviewIds.TryGetValue(key, out var id) ? id : null;
}
