using static System.FormattableString;
using FluentValidation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.PlanActions;

/// <summary>One agreed action, as a column of the council's action plan.</summary>
public sealed class PlanActionForm : PlanItemForm
{
    /// <summary>The part it belongs to; none for an action of the recommendation itself.</summary>
    [InvalidValueMessage("The part to add this action to was not recognised. Go back to the action plan and choose the part's \"Add an action\" link again")]
    public int? PartId { get; set; }

    /// <summary>Column heading, when a part has several actions side by side.</summary>
    public string? Heading { get; set; }

    public string Responsibility { get; set; } = "";
    public string TargetDate { get; set; } = "";
    public string AgreedAction { get; set; } = "";
    public string SuccessMeasure { get; set; } = "";

    public static PlanActionForm From(PlanAction action) => new()
    {
        PartId = action.PartId,
        Heading = action.Heading,
        Responsibility = action.Responsibility,
        TargetDate = action.TargetDate,
        AgreedAction = action.AgreedAction,
        SuccessMeasure = action.SuccessMeasure,
        Version = action.Version,
    };

    /// <summary>Copies a valid form onto the action.</summary>
    public void ApplyTo(PlanAction action)
    {
        action.Heading = string.IsNullOrWhiteSpace(Heading) ? null : Heading.Trim();
        action.Responsibility = Responsibility.Trim();
        action.SetTargetDate(TargetDate);
        action.AgreedAction = AgreedAction.Trim();
        action.SuccessMeasure = SuccessMeasure.Trim();
    }
}

public sealed class PlanActionFormValidator : AbstractValidator<PlanActionForm>
{
    public PlanActionFormValidator()
    {
        RuleFor(f => f.Heading).MaximumLength(PlanAction.HeadingMaxLength)
            .WithMessage($"Column heading must be {PlanAction.HeadingMaxLength} characters or fewer");
        RuleFor(f => f.Responsibility).NotEmpty().WithMessage("Enter who is responsible")
            .MaximumLength(PlanAction.ResponsibilityMaxLength).WithMessage($"Responsibility must be {PlanAction.ResponsibilityMaxLength} characters or fewer");
        RuleFor(f => f.TargetDate).NotEmpty().WithMessage("Enter the date")
            .MaximumLength(PlanAction.TargetDateMaxLength).WithMessage($"Date must be {PlanAction.TargetDateMaxLength} characters or fewer");
        RuleFor(f => f.AgreedAction).NotEmpty().WithMessage("Enter the agreed action")
            .MaximumLength(PlanAction.AgreedActionMaxLength).WithMessage(Invariant($"Agreed action must be {PlanAction.AgreedActionMaxLength:N0} characters or fewer"));
        RuleFor(f => f.SuccessMeasure).NotEmpty().WithMessage("Enter the agreed success measure")
            .MaximumLength(PlanAction.SuccessMeasureMaxLength).WithMessage(Invariant($"Agreed success measure must be {PlanAction.SuccessMeasureMaxLength:N0} characters or fewer"));
    }
}
