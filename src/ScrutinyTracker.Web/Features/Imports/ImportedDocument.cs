using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// What <see cref="WordDocumentReader"/> read from a council progress-update (or action-plan) document,
/// before anything is saved: the header, the plan in document order, the round's evidence and grades
/// when the document has them, and a warning for everything it was not sure of.
/// </summary>
public sealed record ImportedDocument(
    string? Review,
    IReadOnlyList<string> LinkOfficers,
    YearMonth? ActionPlanAgreed,
    string? Round,
    IReadOnlyList<ImportedRecommendation> Recommendations,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Problems)
{
    /// <summary>Problems stop the import (a text longer than the app keeps, two recommendations with one number); warnings do not.</summary>
    public bool CanBeImported => Problems.Count == 0;

    public IEnumerable<ImportedAction> ActionsInOrder => Recommendations.SelectMany(r => r.ActionsInOrder);

    /// <summary>True when some action has Evidence of Progress or an Assessment of Progress for <see cref="Round"/>.</summary>
    public bool HasProgress => Round is not null && ActionsInOrder.Any(a => a.HasProgress);
}

public sealed record ImportedRecommendation(int Number, string Text, IReadOnlyList<ImportedAction> Actions, IReadOnlyList<ImportedPart> Parts)
{
    public IEnumerable<ImportedAction> ActionsInOrder => Actions.Concat(Parts.SelectMany(p => p.Actions));
}

public sealed record ImportedPart(string Letter, string Text, IReadOnlyList<ImportedAction> Actions);

/// <summary>One gradable column of a table. <see cref="Evidence"/> and <see cref="Grade"/> are the document's round's, if it has one.</summary>
public sealed record ImportedAction(
    string? Heading,
    string Responsibility,
    string TargetDate,
    string AgreedAction,
    string SuccessMeasure,
    string? Evidence,
    Grade? Grade,
    string? Explanation)
{
    public bool HasProgress => !string.IsNullOrWhiteSpace(Evidence) || Grade is not null;
}
