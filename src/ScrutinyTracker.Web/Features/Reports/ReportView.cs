using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// The council's progress-update document of one review for one round: the plan in document order,
/// the updates shown for the round with the committee's decisions on them, the grades of the round
/// before (for the summary of changes), and the actions signed off in earlier rounds (which get no
/// update in later ones). <see cref="Round"/> is null while the review has no round yet.
/// </summary>
public sealed record ReportView(
    int ReviewId,
    string Title,
    string SelectCommittee,
    YearMonth? ActionPlanAgreed,
    IReadOnlyList<string> LinkOfficers,
    IReadOnlyList<ReportRound> Rounds,
    ReportRound? Round,
    ReportRound? PreviousRound,
    bool IncludesDrafts,
    IReadOnlyList<ReportRecommendation> Recommendations,
    IReadOnlyDictionary<int, ReportUpdate> Updates,
    IReadOnlyDictionary<int, Grade> PreviousGrades,
    IReadOnlyDictionary<int, SignOff>? SignedOffEarlier = null)
{
    /// <summary>Set when the committee ended monitoring of the whole review.</summary>
    public string? MonitoringClosedLine { get; init; }

    /// <summary>
    /// Read for the public pages (<c>Features/Public/PublicReports</c>): accepted updates only, and no
    /// user accounts, so the document leaves out its Link Officer/s row (decision 0019).
    /// </summary>
    public bool ForPublic { get; init; }

    public ReportUpdate? UpdateFor(ReportAction action) => Updates.GetValueOrDefault(action.Id);

    /// <summary>
    /// When the committee signed the action off in an earlier round, if it has no update in this round:
    /// such actions need nothing more.
    /// </summary>
    public SignOff? SignedOffBefore(ReportAction action) =>
        Updates.ContainsKey(action.Id) ? null : SignedOffEarlier?.GetValueOrDefault(action.Id);

    /// <summary>The action's grade in this round: the committee's where it changed the update's, or Fully Achieved when signed off earlier.</summary>
    public Grade? GradeFor(ReportAction action) =>
        UpdateFor(action)?.Grade ?? (SignedOffBefore(action) is null ? null : Grade.FullyAchieved);

    public Grade? PreviousGradeFor(ReportAction action) => PreviousGrades.TryGetValue(action.Id, out var grade) ? grade : null;

    /// <summary>Every action in the order the document shows them.</summary>
    public IEnumerable<ReportAction> ActionsInOrder => Recommendations.SelectMany(r => r.ActionsInOrder);

    /// <summary>The actions the summary counts: those of accepted and partially accepted recommendations.</summary>
    public IEnumerable<ReportAction> MonitoredActionsInOrder => Recommendations.Where(r => r.CountsInSummary).SelectMany(r => r.ActionsInOrder);

    /// <summary>
    /// Above the document: whether the grades are the committee's or still the service's self-assessment.
    /// "The grades of the March 2020 update are the service's self-assessment, awaiting the Crime and Disorder Select Committee."
    /// </summary>
    public string? ConsiderationLine => Round switch
    {
        null => null,
        { Consideration: null } r => $"The grades of the {r.Label} update are the service's self-assessment, awaiting consideration by the {SelectCommittee}.",
        { Consideration: { MeetingDate: { } on } c } r =>
            $"The {r.Label} update was considered by the {c.SelectCommittee} on {UkTime.Date(on)}{(c.MinuteReference is { } minute ? $" ({minute})" : "")}.",
        { Consideration: { } c } r => $"The {r.Label} update was considered by the {c.SelectCommittee} before ScrutinyTracker recorded committee meetings: its Fully Achieved actions were treated as signed off.",
    };
}

public sealed record ReportRound(int Id, string Label, DateOnly DueDate, RoundStatus Status)
{
    /// <summary>The committee meeting that considered the round, once it has.</summary>
    public RoundConsideration? Consideration { get; init; }
}

/// <param name="MeetingDate">Null for a round considered before meetings were recorded.</param>
public sealed record RoundConsideration(DateOnly? MeetingDate, string SelectCommittee, string? MinuteReference);

/// <summary>Who signed an action off and when: "Signed off by the Crime and Disorder Select Committee on 15 April 2020".</summary>
public sealed record SignOff(string RoundLabel, string SelectCommittee, DateOnly? MeetingDate)
{
    public string Sentence => MeetingDate is { } on
        ? $"Signed off by the {SelectCommittee} on {UkTime.Date(on)}"
        : $"Signed off by the {SelectCommittee} ({RoundLabel} update)";
}

/// <summary>A recommendation with its own actions (shown first), its lettered parts, and the Executive's decision on it.</summary>
public sealed record ReportRecommendation(int Number, string Text, IReadOnlyList<ReportAction> Actions, IReadOnlyList<ReportPart> Parts)
{
    public RecommendationStanding Standing { get; init; } = RecommendationStanding.AcceptedNotRecorded;

    /// <summary>Accepted or partially accepted: its actions count in the report's summary (closed ones keep their grades).</summary>
    public bool CountsInSummary => Standing.Decision is { } decision && Monitoring.IsMonitored(decision);

    public IEnumerable<ReportAction> ActionsInOrder => Actions.Concat(Parts.SelectMany(p => p.Actions));
}

/// <summary>A lettered part ("a) targeted awareness raising…") whose actions stand side by side.</summary>
public sealed record ReportPart(string Letter, string Text, IReadOnlyList<ReportAction> Actions);

/// <summary>One gradable column of the document. <see cref="Label"/> names it in lists and grids: "1", "1a (Frontline staff)".</summary>
public sealed record ReportAction(
    int Id,
    string Label,
    string? Heading,
    string Responsibility,
    string TargetDate,
    string AgreedAction,
    string SuccessMeasure);

/// <summary>
/// An action's update in the round shown. Anything not yet accepted is a draft for the report.
/// <see cref="Grade"/> is the one that counts: the committee's when it changed the <see cref="SelfAssessed"/> one.
/// </summary>
public sealed record ReportUpdate(string Evidence, Grade? SelfAssessed, string? Explanation, UpdateStatus Status)
{
    /// <summary>For 3 Slipped: "expected to be achieved by" month and the reason for the delay.</summary>
    public YearMonth? ExpectedBy { get; init; }

    public string? DelayReason { get; init; }

    /// <summary>The committee's decision on the update, once it considered the round.</summary>
    public ReportDecision? Decision { get; init; }

    public Grade? Grade => Monitoring.EffectiveGrade(SelfAssessed, Decision?.Outcome, Decision?.Grade);

    public bool GradeChanged => Decision?.Outcome == CommitteeOutcome.GradeChanged && Decision.Grade is not null;

    public bool IsDraft => Status != UpdateStatus.Accepted;

    public string DraftNote => Status switch
    {
        UpdateStatus.Draft => "Not yet submitted by the link officer.",
        UpdateStatus.Submitted => "Submitted, waiting to be checked by a scrutiny officer.",
        UpdateStatus.Returned => "Returned to the link officer for changes.",
        _ => "",
    };
}

/// <param name="SignOff">Who signed it off and when, for a signed-off update.</param>
public sealed record ReportDecision(CommitteeOutcome Outcome, Grade? Grade, string? Reason, SignOff? SignOff);

/// <summary>
/// The model of <c>_ActionTable.cshtml</c>: a group of actions shown side by side in one table (and
/// one after another on a phone, <c>_ActionCards.cshtml</c>, whose headings are one level below
/// <paramref name="HeadingLevel"/>, the level of the heading the group stands under).
/// </summary>
public sealed record ReportActionTable(ReportView Report, string Caption, IReadOnlyList<ReportAction> Actions, RecommendationStanding Standing, int HeadingLevel = 2)
{
    /// <summary>Several columns always get headings, so a screen reader can tell them apart.</summary>
    public bool ShowsHeadings => Actions.Count > 1 || Actions.Any(a => !string.IsNullOrWhiteSpace(a.Heading));

    /// <summary>"Frontline staff"; "Action 2" for the second of columns without a heading.</summary>
    public string HeadingOf(int index) => string.IsNullOrWhiteSpace(Actions[index].Heading) ? $"Action {index + 1}" : Actions[index].Heading!;

    /// <summary>Why an action without an update in the round has none, when it is not monitored.</summary>
    public string? NotMonitoredNote => Standing switch
    {
        { IsNotAccepted: true } => "Not monitored: the Executive did not accept this recommendation.",
        { Decision: null } => "Not monitored yet: the Executive's response is awaited.",
        { ClosedOn: not null } => "Monitoring of this recommendation was closed.",
        _ => null,
    };
}

/// <summary>One action's evidence or grade in the round shown (<c>_Evidence.cshtml</c>, <c>_Assessment.cshtml</c>).</summary>
/// <param name="NotMonitoredNote">Why it has no update when it is not monitored (<see cref="ReportActionTable.NotMonitoredNote"/>).</param>
public sealed record ReportActionCell(ReportView Report, ReportAction Action, string? NotMonitoredNote = null);
