using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every changed field of a plan, round, update, Executive response or
/// committee decision, in the same
/// transaction as the change. Keys of added rows are known only after the save, so the change is
/// saved first and its audit rows second, and both commit together.
/// </summary>
public sealed class AuditingInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> AuditedTypes =
    [
        typeof(SelectCommittee), typeof(Review), typeof(ReviewLinkOfficer), typeof(Recommendation),
        typeof(RecommendationPart), typeof(PlanAction), typeof(Round), typeof(ProgressUpdate),
        typeof(ExecutiveResponse), typeof(CommitteeConsideration), typeof(CommitteeDecision), typeof(DocumentImport),
        typeof(ApplicationUser), typeof(IdentityUserRole<string>),
    ];

    // Secrets and bookkeeping that say nothing a reader of the trail needs (and must never be copied).
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(IVersioned.Version), nameof(SelectCommittee.NormalizedName),
        nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp),
        nameof(ApplicationUser.AccessFailedCount), nameof(ApplicationUser.LockoutEnd),
        nameof(ApplicationUser.NormalizedEmail), nameof(ApplicationUser.NormalizedUserName),
    ];

    private List<PendingChange>? _pending;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ScrutinyDbContext db)
        {
            RefuseAuditEdits(db);
            _pending = Capture(db);
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Writes the audit rows through a second context enlisted in the save's transaction (the context
    /// always saves inside one), so they commit or roll back with the change, and a retried save writes
    /// them once more, never twice.
    /// </summary>
    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ScrutinyDbContext db || _pending is not { Count: > 0 } pending)
        {
            return result;
        }

        _pending = null;
        var entries = await ToAuditEntriesAsync(db, pending, cancellationToken);
        await using var audit = db.CreateEnlistedContext();
        audit.AuditEntries.AddRange(entries);
        await audit.SaveChangesAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _pending = null;

    // EF reports a concurrency conflict and a cancelled save through these, not SaveChangesFailed.
    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        _pending = null;
        return result;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = null;
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => _pending = null;

    private static void RefuseAuditEdits(ScrutinyDbContext db)
    {
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail cannot be changed or deleted.");
        }
    }

    private static List<PendingChange> Capture(ScrutinyDbContext db)
    {
        var changes = new List<PendingChange>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (!AuditedTypes.Contains(entry.Metadata.ClrType)
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var kind = entry.State switch
            {
                EntityState.Added => AuditKind.Added,
                EntityState.Deleted => AuditKind.Deleted,
                _ => AuditKind.Modified,
            };
            var fields = new List<(string Field, string? Old, string? New)>();
            foreach (var property in entry.Properties)
            {
                // Generated keys are not known yet and are recorded as the entry's EntityId instead.
                if (property.Metadata.IsPrimaryKey() && property.Metadata.ValueGenerated != ValueGenerated.Never && kind != AuditKind.Deleted
                    || IgnoredProperties.Contains(property.Metadata.Name))
                {
                    continue;
                }

                var old = kind == AuditKind.Added ? null : Format(property.OriginalValue);
                var @new = kind == AuditKind.Deleted ? null : Format(property.CurrentValue);
                if (kind == AuditKind.Modified && (!property.IsModified || old == @new)
                    || kind != AuditKind.Modified && old is null && @new is null)
                {
                    continue;
                }

                fields.Add((property.Metadata.Name, old, @new));
            }

            if (fields.Count > 0)
            {
                changes.Add(new PendingChange(entry, kind, fields));
            }
        }

        return changes;
    }

    private async Task<List<AuditEntry>> ToAuditEntriesAsync(ScrutinyDbContext db, List<PendingChange> pending, CancellationToken cancellationToken)
    {
        var (userId, userName) = CurrentUser();
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewOf = await ReviewLookupAsync(db, pending, cancellationToken);

        var entries = new List<AuditEntry>();
        foreach (var change in pending)
        {
            var (reviewId, planActionId) = Owners(change.Entry, reviewOf);
            var entityId = string.Join(":", change.Entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => Format(change.Entry.Property(p.Name).CurrentValue)));
            entries.AddRange(change.Fields.Select(f => new AuditEntry
            {
                AtUtc = now,
                UserId = userId,
                UserName = userName,
                EntityType = change.Entry.Metadata.ClrType.Name,
                EntityId = entityId,
                Kind = change.Kind,
                Field = f.Field,
                OldValue = f.Old,
                NewValue = f.New,
                ReviewId = reviewId,
                PlanActionId = planActionId,
            }));
        }

        return entries;
    }

    /// <summary>Finds, in at most three queries, the review (and action) of changed parts, actions, responses, updates and decisions.</summary>
    private static async Task<ReviewLookup> ReviewLookupAsync(ScrutinyDbContext db, List<PendingChange> pending, CancellationToken cancellationToken)
    {
        var recommendationIds = pending.Select(c => c.Entry.Entity switch
        {
            RecommendationPart or PlanAction or ExecutiveResponse => Key(c.Entry, nameof(PlanAction.RecommendationId)),
            _ => 0,
        }).Where(id => id != 0).Distinct().ToList();
        var roundIds = pending.Select(c => c.Entry.Entity is ProgressUpdate or CommitteeConsideration ? Key(c.Entry, nameof(ProgressUpdate.RoundId)) : 0)
            .Where(id => id != 0).Distinct().ToList();
        var updateIds = pending.Select(c => c.Entry.Entity is CommitteeDecision ? Key(c.Entry, nameof(CommitteeDecision.ProgressUpdateId)) : 0)
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
        return new ReviewLookup(byRecommendation, byRound, byUpdate);
    }

    private static (int? ReviewId, int? PlanActionId) Owners(EntityEntry entry, ReviewLookup lookup) => entry.Entity switch
    {
        Review => (Key(entry, nameof(Review.Id)), null),
        ReviewLinkOfficer or Recommendation or Round or DocumentImport => (Key(entry, nameof(Round.ReviewId)), null),
        RecommendationPart => (Find(lookup.ByRecommendation, Key(entry, nameof(RecommendationPart.RecommendationId))), null),
        PlanAction => (Find(lookup.ByRecommendation, Key(entry, nameof(PlanAction.RecommendationId))), Key(entry, nameof(PlanAction.Id))),
        ProgressUpdate => (Find(lookup.ByRound, Key(entry, nameof(ProgressUpdate.RoundId))), Key(entry, nameof(ProgressUpdate.PlanActionId))),
        ExecutiveResponse => (Find(lookup.ByRecommendation, Key(entry, nameof(ExecutiveResponse.RecommendationId))), null),
        CommitteeConsideration => (Find(lookup.ByRound, Key(entry, nameof(CommitteeConsideration.RoundId))), null),
        CommitteeDecision => lookup.ByUpdate.TryGetValue(Key(entry, nameof(CommitteeDecision.ProgressUpdateId)), out var owners)
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

    private (string? Id, string Name) CurrentUser()
    {
        var user = httpContextAccessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return (null, "System");
        }

        return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "Unknown user");
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record PendingChange(EntityEntry Entry, AuditKind Kind, List<(string Field, string? Old, string? New)> Fields);

    private sealed record ReviewLookup(Dictionary<int, int> ByRecommendation, Dictionary<int, int> ByRound, Dictionary<int, (int ReviewId, int PlanActionId)> ByUpdate);
}
