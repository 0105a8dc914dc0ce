using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// What stops a document being imported as it is: text longer than the app keeps, numbers or letters
/// used twice, a review without a name. Each says what to change in the document.
/// </summary>
public static class ImportProblems
{
    public static List<string> Of(ImportedDocument document)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(document.Review))
        {
            problems.Add("The document does not name its review: add a line “Review: ” with the review's title at the top, then upload it again.");
        }

        Check(problems, "The review's title", document.Review, Review.TitleMaxLength);
        Check(problems, "The round's name", document.Round, Round.LabelMaxLength);
        if (document.Round is { } round && !YearMonth.TryParse(round, out _))
        {
            problems.Add($"The round “{round}” in “Evidence of Progress ({round})” is not a month and year, for example March 2020: correct it in the document, then upload it again.");
        }

        foreach (var number in document.Recommendations.GroupBy(r => r.Number).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"There are two recommendations numbered {number}: number them 1, 2, 3… in the document, then upload it again.");
        }

        foreach (var recommendation in document.Recommendations)
        {
            Check(problems, $"The text of recommendation {recommendation.Number}", recommendation.Text, Recommendation.TextMaxLength);
            foreach (var letter in recommendation.Parts.GroupBy(p => p.Letter).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                problems.Add($"Recommendation {recommendation.Number} has two parts lettered {letter}): letter them a), b), c)… in the document, then upload it again.");
            }

            foreach (var part in recommendation.Parts)
            {
                Check(problems, $"The text of part {recommendation.Number}{part.Letter})", part.Text, RecommendationPart.TextMaxLength);
                Check(problems, $"Part {recommendation.Number}{part.Letter})'s letter", part.Letter, RecommendationPart.LetterMaxLength);
            }

            foreach (var action in recommendation.ActionsInOrder)
            {
                CheckAction(problems, $"recommendation {recommendation.Number}", action);
            }
        }

        return problems;
    }

    private static void CheckAction(List<string> problems, string place, ImportedAction action)
    {
        var name = action.Heading is { } heading ? $"of {place} ({heading})" : $"of an action of {place}";
        Check(problems, $"The column heading {name}", action.Heading, PlanAction.HeadingMaxLength);
        Check(problems, $"The Responsibility {name}", action.Responsibility, PlanAction.ResponsibilityMaxLength);
        Check(problems, $"The Date {name}", action.TargetDate, PlanAction.TargetDateMaxLength);
        Check(problems, $"The Agreed Action {name}", action.AgreedAction, PlanAction.AgreedActionMaxLength);
        Check(problems, $"The Agreed Success Measure {name}", action.SuccessMeasure, PlanAction.SuccessMeasureMaxLength);
        Check(problems, $"The Evidence of Progress {name}", action.Evidence, ProgressUpdate.EvidenceMaxLength);
        Check(problems, $"The explanation of the grade {name}", action.Explanation, ProgressUpdate.ExplanationMaxLength);
    }

    private static void Check(List<string> problems, string what, string? text, int maxLength)
    {
        if (text is not null && text.Length > maxLength)
        {
            problems.Add($"{what} is {text.Length:N0} characters long; ScrutinyTracker keeps at most {maxLength:N0}. Shorten it in the document, then upload it again.");
        }
    }
}
