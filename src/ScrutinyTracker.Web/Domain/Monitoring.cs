using System.Linq.Expressions;

namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// Which recommendations and actions are still monitored: the one place for the rules every round,
/// report, import and reminder follows.
/// <list type="bullet">
/// <item>A recommendation is monitored when the Executive accepted or partially accepted it and
/// monitoring of it, and of its review, has not been closed. Not accepted ones stay in the plan
/// and the report but get no updates; one still awaiting the Executive's response gets none yet.</item>
/// <item>An action is signed off when a Select Committee signed off its update in a considered round
/// (<see cref="CommitteeOutcome.SignedOff"/>); the scrutiny officer's acceptance alone is not enough.</item>
/// <item>An action still needs updates (<see cref="NeedsUpdate"/>) while its recommendation is
/// monitored and it is not signed off: those are the actions a new round asks about.</item>
/// <item>A recommendation is complete when all its actions are signed off; a review when all its
/// monitored recommendations are (and none awaits a response).</item>
/// </list>
/// The rules are expressions so that queries run them in SQL; <c>Compile()</c> them for objects in memory.
/// </summary>
public static class Monitoring
{
    /// <summary>The Executive must respond within two months of receiving the report (s9FE Local Government Act 2000).</summary>
    public const int ExecutiveResponseMonths = 2;

    /// <summary>When the Executive's response to a review's report is due.</summary>
    public static DateOnly ExecutiveResponseDue(DateOnly reportToExecutive) => reportToExecutive.AddMonths(ExecutiveResponseMonths);

    public static bool IsMonitored(ExecutiveDecision decision) => decision is ExecutiveDecision.Accepted or ExecutiveDecision.PartiallyAccepted;

    /// <summary>Accepted or partially accepted, and monitoring of it and its review not closed.</summary>
    public static Expression<Func<Recommendation, bool>> IsMonitoredRecommendation { get; } = r =>
        r.ExecutiveResponse != null
        && r.ExecutiveResponse.Decision != ExecutiveDecision.NotAccepted
        && r.MonitoringClosedOn == null
        && r.Review!.MonitoringClosedOn == null;

    /// <summary>Still waiting for the Executive's response (and not closed).</summary>
    public static Expression<Func<Recommendation, bool>> AwaitsExecutiveResponse { get; } = r =>
        r.ExecutiveResponse == null && r.MonitoringClosedOn == null;

    /// <summary>A Select Committee signed this update off.</summary>
    public static Expression<Func<ProgressUpdate, bool>> IsSignedOffUpdate { get; } = u =>
        u.CommitteeDecision != null && u.CommitteeDecision.Outcome == CommitteeOutcome.SignedOff;

    /// <summary>Signed off in some considered round.</summary>
    public static Expression<Func<PlanAction, bool>> IsSignedOff { get; } = a =>
        a.Updates.Any(u => u.CommitteeDecision != null && u.CommitteeDecision.Outcome == CommitteeOutcome.SignedOff);

    /// <summary>
    /// The actions a new round gives an update: in a monitored recommendation (<see cref="IsMonitoredRecommendation"/>)
    /// and not signed off (<see cref="IsSignedOff"/>).
    /// </summary>
    public static Expression<Func<PlanAction, bool>> NeedsUpdate { get; } = Both(
        On<PlanAction, Recommendation>(a => a.Recommendation!, IsMonitoredRecommendation),
        Not(IsSignedOff));

    private static readonly Func<PlanAction, bool> NeedsUpdateCompiled = NeedsUpdate.Compile();

    /// <summary><see cref="NeedsUpdate"/> for an action loaded with its recommendation, response, review, updates and decisions.</summary>
    public static bool StillNeedsUpdate(PlanAction action) => NeedsUpdateCompiled(action);

    /// <summary>The grade that counts: the committee's when it changed the self-assessed one.</summary>
    public static Grade? EffectiveGrade(Grade? selfAssessed, CommitteeOutcome? outcome, Grade? committeeGrade) =>
        outcome == CommitteeOutcome.GradeChanged && committeeGrade is not null ? committeeGrade : selfAssessed;

    private static Expression<Func<T, bool>> On<T, TMember>(Expression<Func<T, TMember>> member, Expression<Func<TMember, bool>> rule) =>
        Expression.Lambda<Func<T, bool>>(Replace(rule.Body, rule.Parameters[0], member.Body), member.Parameters);

    private static Expression<Func<T, bool>> Both<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, Replace(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> rule) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(rule.Body), rule.Parameters);

    private static Expression Replace(Expression body, ParameterExpression parameter, Expression with) =>
        new ParameterReplacer(parameter, with).Visit(body);

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }
}
