using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// The council's progress-update document of one review for one round: the plan in document order,
/// the updates shown for the round, the grades of the round before (for the summary of changes), and
/// the actions fully achieved in earlier rounds (which get no update in later ones).
/// <see cref="Round"/> is null while the review has no round yet.
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
    IReadOnlyDictionary<int, string>? AchievedEarlier = null)
{
    public ReportUpdate? UpdateFor(ReportAction action) => Updates.GetValueOrDefault(action.Id);

    /// <summary>
    /// The label of the earlier round in which the action was accepted as Fully Achieved, when it has no
    /// update in this round: such actions need nothing more and are shown as achieved.
    /// </summary>
    public string? AchievedIn(ReportAction action) =>
        Updates.ContainsKey(action.Id) ? null : AchievedEarlier?.GetValueOrDefault(action.Id);

    /// <summary>The action's grade in this round: its update's, or Fully Achieved when achieved in an earlier round.</summary>
    public Grade? GradeFor(ReportAction action) =>
        UpdateFor(action)?.Grade ?? (AchievedIn(action) is null ? null : Grade.FullyAchieved);

    public Grade? PreviousGradeFor(ReportAction action) => PreviousGrades.TryGetValue(action.Id, out var grade) ? grade : null;

    /// <summary>Every action in the order the document shows them.</summary>
    public IEnumerable<ReportAction> ActionsInOrder => Recommendations.SelectMany(r => r.ActionsInOrder);
}

public sealed record ReportRound(int Id, string Label, DateOnly DueDate, RoundStatus Status);

/// <summary>A recommendation with its own actions (shown first) and its lettered parts.</summary>
public sealed record ReportRecommendation(int Number, string Text, IReadOnlyList<ReportAction> Actions, IReadOnlyList<ReportPart> Parts)
{
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

/// <summary>An action's update in the round shown. Anything not yet accepted is a draft for the report.</summary>
public sealed record ReportUpdate(string Evidence, Grade? Grade, string? Explanation, UpdateStatus Status)
{
    public bool IsDraft => Status != UpdateStatus.Accepted;

    public string DraftNote => Status switch
    {
        UpdateStatus.Draft => "Not yet submitted by the link officer.",
        UpdateStatus.Submitted => "Submitted, waiting to be checked by a scrutiny officer.",
        UpdateStatus.Returned => "Returned to the link officer for changes.",
        _ => "",
    };
}

/// <summary>
/// The model of <c>_ActionTable.cshtml</c>: a group of actions shown side by side in one table (and
/// one after another on a phone, <c>_ActionCards.cshtml</c>, whose headings are one level below
/// <paramref name="HeadingLevel"/>, the level of the heading the group stands under).
/// </summary>
public sealed record ReportActionTable(ReportView Report, string Caption, IReadOnlyList<ReportAction> Actions, int HeadingLevel = 2)
{
    /// <summary>Several columns always get headings, so a screen reader can tell them apart.</summary>
    public bool ShowsHeadings => Actions.Count > 1 || Actions.Any(a => !string.IsNullOrWhiteSpace(a.Heading));

    /// <summary>"Frontline staff"; "Action 2" for the second of columns without a heading.</summary>
    public string HeadingOf(int index) => string.IsNullOrWhiteSpace(Actions[index].Heading) ? $"Action {index + 1}" : Actions[index].Heading!;
}

/// <summary>One action's evidence or grade in the round shown (<c>_Evidence.cshtml</c>, <c>_Assessment.cshtml</c>).</summary>
public sealed record ReportActionCell(ReportView Report, ReportAction Action);
