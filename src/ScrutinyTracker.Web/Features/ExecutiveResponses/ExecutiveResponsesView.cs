using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.ExecutiveResponses;

/// <summary>The review's recommendations with the Executive's responses, and which can still be changed.</summary>
public sealed record ExecutiveResponsesView(
    int ReviewId,
    string Title,
    DateOnly? ReportToExecutive,
    DateOnly? ResponseDue,
    DateOnly Today,
    bool ReviewLocked,
    IReadOnlyList<RecommendationResponse> Recommendations)
{
    public bool CanManage { get; init; }

    /// <summary>Some response can be recorded or changed.</summary>
    public bool HasEditable => !ReviewLocked && Recommendations.Any(r => r.IsEditable);

    public DateOnly? LatestDecision => Recommendations.Max(r => r.DecidedOn);
}

/// <param name="MonitoringStarted">Some action of the recommendation has an update: its response can no longer change.</param>
public sealed record RecommendationResponse(
    int Id,
    int Number,
    string Text,
    ExecutiveDecision? Decision,
    string? ResponseText,
    DateOnly? DecidedOn,
    bool IsRecorded,
    string? RecordedBy,
    Guid Version,
    bool MonitoringStarted)
{
    public bool IsEditable => !MonitoringStarted;
}
