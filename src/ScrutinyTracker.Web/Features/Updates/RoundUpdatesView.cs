using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

public sealed record RoundHeader(
    int Id,
    int ReviewId,
    string ReviewTitle,
    YearMonth? ActionPlanAgreed,
    IReadOnlyList<string> LinkOfficers,
    string Label,
    DateOnly DueDate,
    RoundStatus Status)
{
    public bool IsOpen => Status == RoundStatus.Open;
}

public sealed record RecommendationHeading(int Number, string Text);

public sealed record PartHeading(string Letter, string Text);

/// <summary>The latest earlier round's answers for the same action, shown for comparison, with the committee's decision on them.</summary>
public sealed record PreviousUpdate(string RoundLabel, string Evidence, Grade? Grade, string? Explanation)
{
    public YearMonth? ExpectedBy { get; init; }
    public string? DelayReason { get; init; }
    public CommitteeOutcome? Outcome { get; init; }
    public Grade? CommitteeGrade { get; init; }
    public string? CommitteeReason { get; init; }
}

/// <summary>One action's update in a round, with everything the document shows beside it.</summary>
public sealed record UpdateItem(
    int Id,
    int PlanActionId,
    string Name,
    RecommendationHeading Recommendation,
    PartHeading? Part,
    string? Heading,
    string Responsibility,
    string TargetDate,
    string AgreedAction,
    string SuccessMeasure,
    PreviousUpdate? Previous,
    UpdateStatus Status,
    string Evidence,
    Grade? Grade,
    string? Explanation,
    YearMonth? ExpectedBy,
    string? DelayReason,
    string? ReturnComment,
    Guid Version,
    string? UpdatedBy,
    DateTime? UpdatedAtUtc,
    string? SubmittedBy,
    DateTime? SubmittedAtUtc,
    bool IsEditable)
{
    /// <summary>Has evidence and a grade, or has gone to the scrutiny officer.</summary>
    public bool IsDone => Status is UpdateStatus.Submitted or UpdateStatus.Accepted || (Evidence.Length > 0 && Grade is not null);

    /// <summary>Heading level inside the round's page: under the recommendation (h3) or under its part (h4).</summary>
    public int HeadingLevel => Part is null ? 3 : 4;
}
