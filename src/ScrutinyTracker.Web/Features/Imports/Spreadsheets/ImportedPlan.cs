namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>An action plan read from a spreadsheet, in document order, before anything is saved.</summary>
public sealed record ImportedPlan(IReadOnlyList<ImportedRecommendation> Recommendations)
{
    public int PartCount => Recommendations.Sum(r => r.Parts.Count);

    public int ActionCount => Recommendations.Sum(r => r.Actions.Count + r.Parts.Sum(p => p.Actions.Count));
}

/// <param name="Actions">The recommendation's own actions, shown before its parts.</param>
public sealed record ImportedRecommendation(int Number, string Text, IReadOnlyList<ImportedAction> Actions, IReadOnlyList<ImportedPart> Parts);

public sealed record ImportedPart(string Letter, string Text, IReadOnlyList<ImportedAction> Actions);

public sealed record ImportedAction(string? Heading, string Responsibility, string TargetDate, string AgreedAction, string SuccessMeasure);
