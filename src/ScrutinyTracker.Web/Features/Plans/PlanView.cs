using ScrutinyTracker.Web.Domain;

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
/// What the action table partial needs: the actions of a recommendation or of one of its parts
/// ("recommendation 1 a)"), and the id of the heading that names the table.
/// </summary>
public sealed record PlanTable(int ReviewId, string OwnerName, string HeadingId, IReadOnlyList<PlanColumn> Actions, bool CanEdit)
{
    public string NameOf(int index) => PlanNames.Action(Actions[index].Heading, index, OwnerName);
}

/// <summary>How pages name the items of a plan, for headings, messages and screen readers.</summary>
public static class PlanNames
{
    /// <summary>"recommendation 1", or "recommendation 1 a)" for a part.</summary>
    public static string Owner(int recommendationNumber, string? partLetter) =>
        partLetter is null ? $"recommendation {recommendationNumber}" : $"recommendation {recommendationNumber} {partLetter})";

    /// <summary>An action by its column heading, or by its place: "action 2 of recommendation 1 a)".</summary>
    public static string Action(string? heading, int position, string ownerName) =>
        heading is null ? $"action {position + 1} of {ownerName}" : $"action “{heading}”";
}

/// <summary>Move up and down buttons (left and right for the columns of an action table).</summary>
public sealed record MoveButtons(string Url, string Name, bool CanMoveEarlier, bool CanMoveLater, bool InTable);
