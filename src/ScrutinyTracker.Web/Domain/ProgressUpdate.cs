namespace ScrutinyTracker.Web.Domain;

public enum UpdateStatus
{
    Draft,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>One action's Evidence of Progress and Assessment of Progress in one round.</summary>
public class ProgressUpdate : IVersioned
{
    public const int EvidenceMaxLength = 10_000;
    public const int ExplanationMaxLength = 4000;
    public const int ReturnCommentMaxLength = 2000;
    public const int DelayReasonMaxLength = 4000;

    public int Id { get; set; }
    public int PlanActionId { get; set; }
    public PlanAction? PlanAction { get; set; }
    public int RoundId { get; set; }
    public Round? Round { get; set; }

    public string Evidence { get; set; } = "";
    public Grade? Grade { get; set; }
    public string? Explanation { get; set; }
    public UpdateStatus Status { get; set; } = UpdateStatus.Draft;

    /// <summary>For 3 Slipped: the month the action is now expected to be achieved by, if given.</summary>
    public YearMonth? ExpectedBy { get; set; }

    /// <summary>For 3 Slipped: the reason for the delay, if given.</summary>
    public string? DelayReason { get; set; }

    /// <summary>What the Select Committee decided about this update, once it considered the round.</summary>
    public CommitteeDecision? CommitteeDecision { get; set; }

    /// <summary>Why a scrutiny officer returned the update; shown to the link officer beside the action.</summary>
    public string? ReturnComment { get; set; }

    public string? UpdatedById { get; set; }
    public ApplicationUser? UpdatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }
    public string? SubmittedById { get; set; }
    public ApplicationUser? SubmittedBy { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>The scrutiny officer who last accepted or returned it.</summary>
    public string? ReviewedById { get; set; }
    public ApplicationUser? ReviewedBy { get; set; }
    public DateTime? ReviewedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
