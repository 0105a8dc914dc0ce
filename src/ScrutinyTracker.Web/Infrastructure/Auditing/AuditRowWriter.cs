using System.Security.Claims;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> a changed field, saying who changed it and when, through a second
/// context enlisted in the save's transaction (the context always saves inside one), so the rows commit
/// or roll back with the change.
/// </summary>
internal sealed class AuditRowWriter(IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    public async Task WriteAsync(ScrutinyDbContext db, IReadOnlyList<AuditedChange> changes, CancellationToken cancellationToken)
    {
        var entries = await ToAuditEntriesAsync(db, changes, cancellationToken);
        await using var audit = db.CreateEnlistedContext();
        audit.AuditEntries.AddRange(entries);
        await audit.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<AuditEntry>> ToAuditEntriesAsync(ScrutinyDbContext db, IReadOnlyList<AuditedChange> changes, CancellationToken cancellationToken)
    {
        var (userId, userName) = CurrentUser();
        var now = clock.GetUtcNow().UtcDateTime;
        var sources = await AuditSources.LoadAsync(db, changes, cancellationToken);

        var entries = new List<AuditEntry>();
        foreach (var change in changes)
        {
            var (reviewId, planActionId) = sources.Of(change.Entry);
            var entityId = change.EntityId();
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

    private (string? Id, string Name) CurrentUser()
    {
        var user = httpContextAccessor.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return (null, "System");
        }

        return (user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "Unknown user");
    }
}
