using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Search;

/// <summary>How a hit names what it found, in the council's words.</summary>
public static class SearchHitWording
{
    public static string Where(SearchHit hit)
    {
        var recommendation = hit.RecommendationNumber is { } number ? $"Recommendation {number}{hit.PartLetter}" : null;
        var action = recommendation is null ? null : recommendation + (string.IsNullOrWhiteSpace(hit.ActionHeading) ? "" : $" ({hit.ActionHeading})");
        return hit.Kind switch
        {
            SearchKind.ReviewTitle => "Review title",
            SearchKind.Recommendation => recommendation ?? "Recommendation",
            SearchKind.Part => $"{recommendation}: part {hit.PartLetter})",
            SearchKind.AgreedAction => $"{action}: Agreed Action",
            SearchKind.SuccessMeasure => $"{action}: Success Measure",
            SearchKind.Evidence => $"{action}: Evidence of Progress, {hit.RoundLabel}",
            _ => "",
        };
    }

    /// <summary>"Submitted, not yet accepted" for an update the public and committee members would not see.</summary>
    public static string? Status(SearchHit hit) => hit.UpdateStatus switch
    {
        UpdateStatus.Draft => "Draft",
        UpdateStatus.Submitted => "Submitted, not yet accepted",
        UpdateStatus.Returned => "Returned to the link officer",
        _ => null,
    };
}
