using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>A review's action plan laid out as the council's document does: recommendations, their parts, and actions side by side.</summary>
public sealed record PlanView(int ReviewId, string Title, YearMonth ActionPlanAgreed, ReviewStatus Status, IReadOnlyList<PlanRecommendation> Recommendations)
{
    /// <summary>An officer may edit the plan of a review that is still being monitored.</summary>
    public bool CanEdit { get; init; }
}

public sealed record PlanRecommendation(int Id, int Number, string Text, IReadOnlyList<PlanColumn> Actions, IReadOnlyList<PlanPart> Parts)
{
    public string Name => PlanNames.Owner(Number, null);
}

public sealed record PlanPart(int Id, string Letter, string Text, IReadOnlyList<PlanColumn> Actions)
{
    public string Label => $"{Letter})";
}

/// <summary>One action: a column of the plan's table.</summary>
public sealed record PlanColumn(int Id, string? Heading, string Responsibility, string TargetDate, string AgreedAction, string SuccessMeasure);

/// <summary>
/// What the action table partial needs: the actions of a recommendation or of one of its parts, and
/// the id of the heading that names the table.
/// </summary>
public sealed record PlanTable(int ReviewId, int Number, string? Letter, string HeadingId, IReadOnlyList<PlanColumn> Actions, bool CanEdit)
{
    public string NameOf(int index) => PlanNames.Action(Number, Letter, Actions[index].Heading, index, Actions.Count);
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

/// <summary>Move up and down buttons (left and right for the columns of an action table).</summary>
public sealed record MoveButtons(string Url, string Name, bool CanMoveEarlier, bool CanMoveLater, bool InTable);
