namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>How an action is named in messages and headings, in the document's terms.</summary>
public static class ActionName
{
    /// <summary>"Recommendation 1", "Recommendation 2a (Households)", "Recommendation 3b, action 2".</summary>
    public static string Of(int recommendationNumber, string? partLetter, string? heading, int position)
    {
        var name = $"Recommendation {recommendationNumber}{partLetter}";
        if (!string.IsNullOrWhiteSpace(heading))
        {
            return $"{name} ({heading})";
        }

        return position > 0 ? $"{name}, action {position + 1}" : name;
    }
}
