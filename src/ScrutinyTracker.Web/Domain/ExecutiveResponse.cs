namespace ScrutinyTracker.Web.Domain;

/// <summary>What the Executive (Cabinet) decided about a recommendation.</summary>
public enum ExecutiveDecision
{
    Accepted,
    PartiallyAccepted,
    NotAccepted,
}

/// <summary>
/// The Executive's response to one recommendation, due two months after the review's report went to
/// the Executive (s9FE Local Government Act 2000). Only accepted and partially accepted
/// recommendations are monitored (<see cref="Monitoring"/>).
/// </summary>
public class ExecutiveResponse : IVersioned
{
    public const int TextMaxLength = 4000;

    /// <summary>Also the key: a recommendation has at most one response.</summary>
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }

    public ExecutiveDecision Decision { get; set; }

    /// <summary>What the Executive said, e.g. for a partial acceptance what it will and will not do.</summary>
    public string? Text { get; set; }

    /// <summary>
    /// The date of the decision. Null only for recommendations entered before ScrutinyTracker recorded
    /// responses: they were being monitored, so they count as accepted (docs/decisions/0010).
    /// </summary>
    public DateOnly? DecidedOn { get; set; }

    public string? RecordedById { get; set; }
    public ApplicationUser? RecordedBy { get; set; }
    public DateTime? RecordedAtUtc { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class ExecutiveDecisionText
{
    public static IReadOnlyList<ExecutiveDecision> All { get; } =
        [ExecutiveDecision.Accepted, ExecutiveDecision.PartiallyAccepted, ExecutiveDecision.NotAccepted];

    public static string Label(this ExecutiveDecision decision) => decision switch
    {
        ExecutiveDecision.Accepted => "Accepted",
        ExecutiveDecision.PartiallyAccepted => "Partially accepted",
        ExecutiveDecision.NotAccepted => "Not accepted",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision."),
    };
}
