using static System.FormattableString;
using FluentValidation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Plans;

namespace ScrutinyTracker.Web.Features.Recommendations;

/// <summary>A recommendation's text; its number follows from its place in the plan.</summary>
public sealed class RecommendationForm : PlanItemForm
{
    public string Text { get; set; } = "";
}

public sealed class RecommendationFormValidator : AbstractValidator<RecommendationForm>
{
    public RecommendationFormValidator()
    {
        RuleFor(f => f.Text).NotEmpty().WithMessage("Enter the recommendation")
            .MaximumLength(Recommendation.TextMaxLength).WithMessage(Invariant($"Recommendation must be {Recommendation.TextMaxLength:N0} characters or fewer"));
    }
}
