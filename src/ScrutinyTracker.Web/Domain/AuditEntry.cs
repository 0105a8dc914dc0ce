namespace ScrutinyTracker.Web.Domain;

public enum AuditKind
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One changed field of a plan or update: who, when, old and new value. Never edited.</summary>
public class AuditEntry
{
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 50;
    public const int FieldMaxLength = 100;
    public const int UserNameMaxLength = 256;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditKind Kind { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>The review the change belongs to, when known, for reading history by review.</summary>
    public int? ReviewId { get; set; }

    /// <summary>The action the change belongs to (the action itself or one of its updates), for its history.</summary>
    public int? PlanActionId { get; set; }
}
