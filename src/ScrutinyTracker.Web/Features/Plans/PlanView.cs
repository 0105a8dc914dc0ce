using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>A review's action plan laid out as the council's document does: recommendations, their parts, and actions side by side.</summary>
public sealed record PlanView(int ReviewId, string Title, YearMonth? ActionPlanAgreed, ReviewStatus Status, IReadOnlyList<PlanRecommendation> Recommendations)
{
    /// <summary>An officer may edit the plan of a review that is still being monitored.</summary>
    public bool CanEdit { get; init; }
}

public sealed record PlanRecommendation(int Id, int Number, string Text, IReadOnlyList<PlanColumn> Actions, IReadOnlyList<PlanPart> Parts)
{
    public string Name => PlanNames.Owner(Number, null);

    /// <summary>No progress was reported on any of its actions, so it may be deleted.</summary>
    public bool CanDelete { get; init; }

    /// <summary>The Executive's decision and whether monitoring of the recommendation was closed.</summary>
    public Reports.RecommendationStanding Standing { get; init; } = Reports.RecommendationStanding.Awaited;
}

public sealed record PlanPart(int Id, string Letter, string Text, IReadOnlyList<PlanColumn> Actions)
{
    public string Label => $"{Letter})";

    /// <summary>No progress was reported on any of its actions, so it may be deleted.</summary>
    public bool CanDelete { get; init; }
}

/// <summary>One action: a column of the plan's table.</summary>
public sealed record PlanColumn(int Id, string? Heading, string Responsibility, string TargetDate, string AgreedAction, string SuccessMeasure)
{
    /// <summary>No progress was reported on it, so it may be deleted.</summary>
    public bool CanDelete { get; init; }
}

/// <summary>
/// What the action table partial needs: the actions of a recommendation or of one of its parts, and
/// the id of the heading that names the table.
/// </summary>
public sealed record PlanTable(int ReviewId, int Number, string? Letter, string HeadingId, IReadOnlyList<PlanColumn> Actions, bool CanEdit)
{
    /// <summary>What the plan says of every action, under the council's row labels.</summary>
    public static IReadOnlyList<(string Label, Func<PlanColumn, string> Value)> Rows { get; } =
    [
        ("Responsibility", a => a.Responsibility),
        ("Date", a => a.TargetDate),
        ("Agreed Action", a => a.AgreedAction),
        ("Agreed Success Measure", a => a.SuccessMeasure),
    ];

    public string NameOf(int index) => PlanNames.Action(Number, Letter, Actions[index].Heading, index, Actions.Count);

    /// <summary>The heading of an action's card: its column heading, or its name ("Action 3").</summary>
    public string TitleOf(int index) => Actions[index].Heading ?? string.Concat(char.ToUpperInvariant(NameOf(index)[0]), NameOf(index)[1..]);

    public PlanItemActions ActionsOf(int index, bool sideways) => new(
        $"/reviews/{ReviewId}/plan/actions/{Actions[index].Id}", NameOf(index), Actions[index].CanDelete, index > 0, index < Actions.Count - 1, sideways);
}

/// <summary>How pages name the items of a plan, for headings, messages and screen readers.</summary>
public static class PlanNames
{
    /// <summary>"recommendation 1", or "recommendation 1a" for its part a).</summary>
    public static string Owner(int recommendationNumber, string? partLetter) => $"recommendation {recommendationNumber}{partLetter}";

    /// <summary>An action as the report labels it: "action 1a (Frontline staff)", "action 2b (2)" for the second of unheaded columns, "action 3".</summary>
    public static string Action(int recommendationNumber, string? partLetter, string? heading, int position, int columns) =>
        $"action {ReportPlanQuery.Label($"{recommendationNumber}{partLetter}", heading, position, columns)}";
}

/// <summary>
/// What an officer can do to one recommendation, part or action (Views/_ItemActions.cshtml): edit it,
/// delete it where no progress was reported on it, and move it up and down (left and right for the
/// columns of an action table, when <paramref name="Sideways"/>).
/// </summary>
public sealed record PlanItemActions(string Url, string Name, bool CanDelete, bool CanMoveEarlier, bool CanMoveLater, bool Sideways = false);

/// <summary>A link that adds to the plan where the new item will appear: "Add an action" (to recommendation 2).</summary>
public sealed record PlanAddLink(string Url, string Text, string HiddenText);
