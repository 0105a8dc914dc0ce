using Microsoft.EntityFrameworkCore.ChangeTracking;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Auditing;

/// <summary>
/// One audited row's change, read before the save. The entry is kept, not copied: keys the database
/// generates are known to it only after the save.
/// </summary>
internal sealed record AuditedChange(EntityEntry Entry, AuditKind Kind, IReadOnlyList<AuditedField> Fields)
{
    /// <summary>The row's key (its parts joined with ':'), read after the save.</summary>
    public string EntityId() => string.Join(":", Entry.Metadata.FindPrimaryKey()!.Properties
        .Select(p => AuditChangeReader.Format(Entry.Property(p.Name).CurrentValue)));
}

internal sealed record AuditedField(string Field, string? Old, string? New);
