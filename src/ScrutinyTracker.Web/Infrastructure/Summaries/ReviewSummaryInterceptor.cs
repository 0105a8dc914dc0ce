using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Summaries;

/// <summary>
/// Keeps each changed review's <see cref="ReviewSummary"/> true in the same transaction as the change: the
/// save notes which reviews its rows belong to, and once its rows are written (the context always saves in
/// a transaction) their summaries are worked out again from the database, through a second context
/// enlisted in that transaction, like the audit trail. A rolled-back or retried save takes its summaries
/// with it (decision 0018).
/// </summary>
public sealed class ReviewSummaryInterceptor(Caching.ReviewPagesEviction eviction) : SaveChangesInterceptor
{
    private List<EntityEntry>? _changed;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ScrutinyDbContext db || _changed is not { Count: > 0 } changed)
        {
            return result;
        }

        _changed = null;
        var reviewIds = await ReviewsOfAsync(db, changed, cancellationToken);
        var labelCommittees = await CommitteesWithChangedLabelsAsync(db, changed, cancellationToken);
        // Their cached pages go once the transaction commits.
        eviction.Note(reviewIds);

        await using var summaries = db.CreateEnlistedContext();
        await ReviewSummaries.RefreshAsync(summaries, reviewIds, cancellationToken);
        await CommitteeRoundLabels.RefreshAsync(summaries, labelCommittees, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _changed = null;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _changed = null;
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is not ScrutinyDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        // A person's name shows on the pages of the reviews they are link officer for.
        if (db.ChangeTracker.Entries<ApplicationUser>().Any(e => e.State == EntityState.Modified && e.Property(u => u.DisplayName).IsModified))
        {
            eviction.NoteEveryReview();
        }

        _changed = [.. db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is Review or Recommendation or RecommendationPart or PlanAction or Round or ProgressUpdate
                or ExecutiveResponse or CommitteeConsideration or CommitteeDecision or SelectCommittee or ReviewLinkOfficer)];
    }

    /// <summary>
    /// The reviews the changed rows belong to, read from their entries once their keys are known (after the
    /// save, before the context accepts the changes, the keys the database made are on the entries only). A
    /// deleted row's review is found through its parent, or is itself deleted.
    /// </summary>
    private static async Task<List<int>> ReviewsOfAsync(ScrutinyDbContext db, List<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var reviews = new HashSet<int>();
        var recommendations = new HashSet<int>();
        var rounds = new HashSet<int>();
        var updates = new HashSet<int>();
        var committees = new HashSet<int>();
        foreach (var entry in changed)
        {
            int Key(string property) => (int)entry.Property(property).CurrentValue!;
            _ = entry.Entity switch
            {
                Review => reviews.Add(Key(nameof(Review.Id))),
                Recommendation or Round or ReviewLinkOfficer => reviews.Add(Key(nameof(Round.ReviewId))),
                RecommendationPart or PlanAction or ExecutiveResponse => recommendations.Add(Key(nameof(PlanAction.RecommendationId))),
                ProgressUpdate or CommitteeConsideration => rounds.Add(Key(nameof(ProgressUpdate.RoundId))),
                CommitteeDecision => updates.Add(Key(nameof(CommitteeDecision.ProgressUpdateId))),
                SelectCommittee => committees.Add(Key(nameof(SelectCommittee.Id))),
                _ => false,
            };
        }

        var reads = db.Reviews.AsNoTracking();
        if (recommendations.Count > 0)
        {
            reviews.UnionWith(await db.Recommendations.AsNoTracking().Where(r => recommendations.Contains(r.Id)).Select(r => r.ReviewId).ToListAsync(cancellationToken));
        }

        if (rounds.Count > 0)
        {
            reviews.UnionWith(await db.Rounds.AsNoTracking().Where(r => rounds.Contains(r.Id)).Select(r => r.ReviewId).ToListAsync(cancellationToken));
        }

        if (updates.Count > 0)
        {
            reviews.UnionWith(await db.ProgressUpdates.AsNoTracking().Where(u => updates.Contains(u.Id)).Select(u => u.Round!.ReviewId).ToListAsync(cancellationToken));
        }

        if (committees.Count > 0)
        {
            reviews.UnionWith(await reads.Where(r => committees.Contains(r.SelectCommitteeId)).Select(r => r.Id).ToListAsync(cancellationToken));
        }

        // Of those, the reviews still there (a deleted review's summary goes with it).
        var ids = reviews.ToList();
        return await reads.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    private static readonly string[] RoundLabelling = [nameof(Round.Label), nameof(Round.DueDate), nameof(Round.ReviewId)];

    /// <summary>
    /// The committees whose round labels the save may have changed: a round added, deleted, relabelled, moved or
    /// given another due date, or a review added, deleted or moved to another committee (both committees).
    /// Saves of evidence, grades and decisions, the most frequent, change none.
    /// </summary>
    private static async Task<List<int>> CommitteesWithChangedLabelsAsync(ScrutinyDbContext db, List<EntityEntry> changed, CancellationToken cancellationToken)
    {
        var committees = new HashSet<int>();
        var reviews = new HashSet<int>();
        foreach (var entry in changed)
        {
            var whole = entry.State is EntityState.Added or EntityState.Deleted;
            var target = entry.Entity switch
            {
                Review when whole || entry.Property(nameof(Review.SelectCommitteeId)).IsModified => committees,
                Round when whole || RoundLabelling.Any(p => entry.Property(p).IsModified) => reviews,
                _ => null,
            };
            var key = entry.Entity is Review ? nameof(Review.SelectCommitteeId) : nameof(Round.ReviewId);
            if (target is not null && entry.State is not EntityState.Added)
            {
                target.Add((int)entry.Property(key).OriginalValue!);
            }

            if (target is not null && entry.State is not EntityState.Deleted)
            {
                target.Add((int)entry.Property(key).CurrentValue!);
            }
        }

        if (reviews.Count > 0)
        {
            var ids = reviews.ToList();
            committees.UnionWith(await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.SelectCommitteeId).ToListAsync(cancellationToken));
        }

        return [.. committees];
    }
}
