using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>What the forms for recommendations, parts and actions share: their page's heading and the concurrency token.</summary>
public abstract class PlanItemForm
{
    public Guid Version { get; set; }

    [BindNever]
    public PlanReview Review { get; set; } = default!;

    /// <summary>"Add recommendation 5", "Edit recommendation 1 a)".</summary>
    [BindNever]
    public string PageHeading { get; set; } = "";
}
