using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// What the Executive decided about a recommendation and whether its monitoring was closed, as the plan
/// and the report show it under the recommendation ("Not accepted by the Executive on 12 June 2019").
/// </summary>
public sealed record RecommendationStanding(ExecutiveDecision? Decision, DateOnly? DecidedOn, string? ResponseText, DateOnly? ClosedOn, string? ClosedReason)
{
    public static RecommendationStanding Awaited { get; } = new(null, null, null, null, null);

    /// <summary>A recommendation entered before ScrutinyTracker recorded responses (docs/decisions/0010).</summary>
    public static RecommendationStanding AcceptedNotRecorded { get; } = new(ExecutiveDecision.Accepted, null, null, null, null);

    /// <summary>Accepted or partially accepted and not closed (<see cref="Monitoring.IsMonitoredRecommendation"/>, without the review's own closure).</summary>
    public bool IsMonitored => Decision is { } decision && Monitoring.IsMonitored(decision) && ClosedOn is null;

    public bool IsNotAccepted => Decision == ExecutiveDecision.NotAccepted;

    /// <summary>
    /// "Accepted by the Executive on 14 April 2019", "Awaiting the Executive's response"; null for a
    /// recommendation entered before responses were recorded, which the council's document never named.
    /// </summary>
    public string? DecisionLine => Decision switch
    {
        null => "Awaiting the Executive's response.",
        { } decision when DecidedOn is { } on => $"{decision.Label()} by the Executive on {UkTime.Date(on)}.",
        _ => null,
    };

    /// <summary>"Monitoring closed on 3 May 2021: superseded by the new Hate Crime Strategy".</summary>
    public string? ClosedLine => ClosedOn is { } on ? $"Monitoring closed on {UkTime.Date(on)}: {ClosedReason}" : null;
}
