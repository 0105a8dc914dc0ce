using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Auditing;

/// <summary>Reads, before a save, which audited rows change and the old and new value of each changed field.</summary>
internal static class AuditChangeReader
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

    public static void RefuseAuditEdits(ChangeTracker changeTracker)
    {
        if (changeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail cannot be changed or deleted.");
        }
    }

    public static List<AuditedChange> Read(ChangeTracker changeTracker)
    {
        var changes = new List<AuditedChange>();
        foreach (var entry in changeTracker.Entries())
        {
            if (!AuditedTypes.Contains(entry.Metadata.ClrType) || KindOf(entry.State) is not { } kind)
            {
                continue;
            }

            var fields = ChangedFields(entry, kind);
            if (fields.Count > 0)
            {
                changes.Add(new AuditedChange(entry, kind, fields));
            }
        }

        return changes;
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static AuditKind? KindOf(EntityState state) => state switch
    {
        EntityState.Added => AuditKind.Added,
        EntityState.Deleted => AuditKind.Deleted,
        EntityState.Modified => AuditKind.Modified,
        _ => null,
    };

    private static List<AuditedField> ChangedFields(EntityEntry entry, AuditKind kind)
    {
        var fields = new List<AuditedField>();
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

            fields.Add(new AuditedField(property.Metadata.Name, old, @new));
        }

        return fields;
    }
}
