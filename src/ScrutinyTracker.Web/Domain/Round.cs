namespace ScrutinyTracker.Web.Domain;

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>A monitoring round of a review ("March 2020") in which open actions get progress updates.</summary>
public class Round : IVersioned
{
    public const int LabelMaxLength = 50;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }

    /// <summary>"March 2020": shown in the document's headings ("Evidence of Progress (March 2020)").</summary>
    public required string Label { get; set; }

    public DateOnly DueDate { get; set; }
    public RoundStatus Status { get; set; } = RoundStatus.Open;
    public DateTime OpenedAtUtc { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProgressUpdate> Updates { get; set; } = [];

    /// <summary>The Select Committee meeting that considered the round, once it has.</summary>
    public CommitteeConsideration? Consideration { get; set; }

    /// <summary>Its accepted grades counted, once it has any (kept by the app, never edited).</summary>
    public RoundSummary? Summary { get; set; }
}
