using static System.FormattableString;
using FluentValidation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Plans;

namespace ScrutinyTracker.Web.Features.RecommendationParts;

/// <summary>A lettered part's text ("encouraging reporting through:"); its letter follows from its place.</summary>
public sealed class PartForm : PlanItemForm
{
    public string Text { get; set; } = "";
}

public sealed class PartFormValidator : AbstractValidator<PartForm>
{
    public PartFormValidator()
    {
        RuleFor(f => f.Text).NotEmpty().WithMessage("Enter the text of the part")
            .MaximumLength(RecommendationPart.TextMaxLength).WithMessage(Invariant($"Part must be {RecommendationPart.TextMaxLength:N0} characters or fewer"));
    }
}
