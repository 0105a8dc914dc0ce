using System.Linq.Expressions;

namespace ScrutinyTracker.Web.Domain;

/// <summary>Where a review is in the council's monitoring cycle, in order.</summary>
public enum ReviewStage
{
    AwaitingExecutiveResponse,
    AwaitingActionPlan,
    ActionPlanAgreed,
    Monitoring,
    Completed,
    MonitoringClosed,
}

/// <summary>What <see cref="ReviewLife"/> is worked out from, read in SQL with <see cref="Projection"/>.</summary>
public sealed record ReviewFacts(
    int ReviewId,
    ReviewStatus Status,
    YearMonth? ActionPlanAgreed,
    DateOnly? ReportToExecutive,
    DateOnly? MonitoringClosedOn,
    int Recommendations,
    int AwaitingResponse,
    int ActionsNeedingUpdate,
    int ActionsSignedOff,
    int Rounds,
    DateOnly? OpenRoundDue,
    DateOnly? LastRoundDue,
    string? RoundAwaitingCommittee,
    int CommitteeFirstUpdateMonths,
    int CommitteeFollowUpMonths,
    int? ReviewFirstUpdateMonths,
    int? ReviewFollowUpMonths)
{
    public MonitoringIntervals Intervals =>
        MonitoringIntervals.For(CommitteeFirstUpdateMonths, CommitteeFollowUpMonths, ReviewFirstUpdateMonths, ReviewFollowUpMonths);

    /// <summary>One row per review, computed in the database.</summary>
    public static Expression<Func<Review, ReviewFacts>> Projection { get; } = r => new ReviewFacts(
        r.Id,
        r.Status,
        r.ActionPlanAgreed,
        r.ReportToExecutive,
        r.MonitoringClosedOn,
        r.Recommendations.Count,
        r.Recommendations.Count(x => x.ExecutiveResponse == null && x.MonitoringClosedOn == null),
        r.Recommendations.SelectMany(x => x.Actions).AsQueryable().Count(Monitoring.NeedsUpdate),
        r.Recommendations.SelectMany(x => x.Actions).AsQueryable().Count(Monitoring.IsSignedOff),
        r.Rounds.Count,
        r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => (DateOnly?)x.DueDate).FirstOrDefault(),
        r.Rounds.Max(x => (DateOnly?)x.DueDate),
        r.Rounds.Where(x => x.Status == RoundStatus.Closed && x.Consideration == null)
            .OrderByDescending(x => x.DueDate).Select(x => x.Label).FirstOrDefault(),
        r.SelectCommittee!.FirstUpdateMonths,
        r.SelectCommittee.FollowUpMonths,
        r.FirstUpdateMonths,
        r.FollowUpMonths);
}

/// <summary>
/// The review's life in one line: Awaiting Executive response → Action plan to be agreed → Action
/// plan agreed → Monitoring (next update due …) → Completed, or Monitoring closed.
/// <list type="bullet">
/// <item>Closed and completed (archived) reviews stay so.</item>
/// <item>Before the first round: awaiting the Executive while any recommendation has no response (or
/// there are none yet), then awaiting the plan until the month it was agreed is recorded.</item>
/// <item>After: completed once nothing needs an update any more (every monitored action signed off,
/// at least one, and no response awaited), else monitoring.</item>
/// </list>
/// Separately from the stage, a response still awaited is due two months after the report went to the
/// Executive (<see cref="Monitoring.ExecutiveResponseDue"/>).
/// </summary>
/// <param name="AwaitingResponses">Recommendations still awaiting the Executive's response.</param>
public sealed record ReviewLife(
    ReviewStage Stage,
    DateOnly? NextUpdateDue,
    DateOnly? ExecutiveResponseDue,
    DateOnly? ClosedOn,
    string? RoundAwaitingCommittee,
    int AwaitingResponses,
    bool HasOpenRound)
{
    public static ReviewLife Of(ReviewFacts facts)
    {
        var responseDue = facts.AwaitingResponse > 0 && facts.ReportToExecutive is { } sent ? Monitoring.ExecutiveResponseDue(sent) : (DateOnly?)null;
        var stage = StageOf(facts);
        var nextDue = stage is ReviewStage.ActionPlanAgreed or ReviewStage.Monitoring
            ? NextRound.DueDate(facts.ActionPlanAgreed, facts.OpenRoundDue, facts.LastRoundDue, facts.Intervals)
            : null;
        return new ReviewLife(stage, nextDue, responseDue, stage == ReviewStage.MonitoringClosed ? facts.MonitoringClosedOn : null,
            stage == ReviewStage.Monitoring ? facts.RoundAwaitingCommittee : null,
            stage == ReviewStage.MonitoringClosed ? 0 : facts.AwaitingResponse,
            facts.OpenRoundDue is not null);
    }

    private static ReviewStage StageOf(ReviewFacts facts)
    {
        if (facts.MonitoringClosedOn is not null)
        {
            return ReviewStage.MonitoringClosed;
        }

        if (facts.Status == ReviewStatus.Completed)
        {
            return ReviewStage.Completed;
        }

        if (facts.Rounds == 0)
        {
            return facts.Recommendations == 0 || facts.AwaitingResponse > 0 ? ReviewStage.AwaitingExecutiveResponse
                : facts.ActionPlanAgreed is null ? ReviewStage.AwaitingActionPlan
                : ReviewStage.ActionPlanAgreed;
        }

        return facts.OpenRoundDue is null && facts.ActionsNeedingUpdate == 0 && facts.ActionsSignedOff > 0 && facts.AwaitingResponse == 0
            ? ReviewStage.Completed
            : ReviewStage.Monitoring;
    }

    public bool IsUpdateOverdue(DateOnly today) => NextRound.IsOverdue(NextUpdateDue, today);

    public bool IsResponseOverdue(DateOnly today) => NextRound.IsOverdue(ExecutiveResponseDue, today);

    /// <summary>Monitoring has ended: no round can be opened and nothing more is due.</summary>
    public bool HasEnded => Stage is ReviewStage.Completed or ReviewStage.MonitoringClosed;
}

public static class ReviewStageText
{
    public static IReadOnlyList<ReviewStage> All { get; } = Enum.GetValues<ReviewStage>();

    public static string Label(this ReviewStage stage) => stage switch
    {
        ReviewStage.AwaitingExecutiveResponse => "Awaiting Executive response",
        ReviewStage.AwaitingActionPlan => "Action plan to be agreed",
        ReviewStage.ActionPlanAgreed => "Action plan agreed",
        ReviewStage.Monitoring => "Monitoring",
        ReviewStage.Completed => "Completed",
        ReviewStage.MonitoringClosed => "Monitoring closed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>The value in URLs: "awaiting-executive-response".</summary>
    public static string Slug(this ReviewStage stage) => stage switch
    {
        ReviewStage.AwaitingExecutiveResponse => "awaiting-executive-response",
        ReviewStage.AwaitingActionPlan => "awaiting-action-plan",
        ReviewStage.ActionPlanAgreed => "action-plan-agreed",
        ReviewStage.Monitoring => "monitoring",
        ReviewStage.Completed => "completed",
        ReviewStage.MonitoringClosed => "monitoring-closed",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };
}
