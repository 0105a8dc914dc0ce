namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// The Select Committee meeting that considered a closed round. Each of the round's updates then has
/// a <see cref="CommitteeDecision"/>; signing off is what removes an action from later rounds.
/// </summary>
public class CommitteeConsideration : IVersioned
{
    public const int MinuteReferenceMaxLength = 100;

    /// <summary>Also the key: a round is considered once.</summary>
    public int RoundId { get; set; }
    public Round? Round { get; set; }

    /// <summary>
    /// Null only for rounds closed before ScrutinyTracker recorded the committee's decisions, whose
    /// accepted Fully Achieved actions were treated as signed off (docs/decisions/0010).
    /// </summary>
    public DateOnly? MeetingDate { get; set; }

    public int SelectCommitteeId { get; set; }
    public SelectCommittee? SelectCommittee { get; set; }

    /// <summary>"Minute 23/20", as the committee's minutes number it.</summary>
    public string? MinuteReference { get; set; }

    public string? RecordedById { get; set; }
    public ApplicationUser? RecordedBy { get; set; }
    public DateTime? RecordedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum CommitteeOutcome
{
    /// <summary>Members agree the action is fully achieved; it gets no more updates.</summary>
    SignedOff,

    /// <summary>Members did not agree with the self-assessed grade; the action continues to be monitored.</summary>
    GradeChanged,

    ContinueMonitoring,
}

/// <summary>The committee's decision on one action's update in a considered round.</summary>
public class CommitteeDecision : IVersioned
{
    public const int ReasonMaxLength = 2000;

    /// <summary>Also the key: one decision per update.</summary>
    public int ProgressUpdateId { get; set; }
    public ProgressUpdate? ProgressUpdate { get; set; }

    public CommitteeOutcome Outcome { get; set; }

    /// <summary>The committee's grade when it changed the self-assessed one.</summary>
    public Grade? Grade { get; set; }

    /// <summary>Why the grade was changed ("members did not agree it was on track").</summary>
    public string? Reason { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class CommitteeOutcomeText
{
    public static string Label(this CommitteeOutcome outcome) => outcome switch
    {
        CommitteeOutcome.SignedOff => "Signed off",
        CommitteeOutcome.GradeChanged => "Grade changed",
        CommitteeOutcome.ContinueMonitoring => "Continue monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };
}
