using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>A new round's name and due date (a GOV.UK date input: day, month and year).</summary>
public sealed class OpenRoundForm
{
    public string Label { get; set; } = "";
    public string? DueDay { get; set; }
    public string? DueMonth { get; set; }
    public string? DueYear { get; set; }

    [BindNever]
    public RoundOpeningView Opening { get; set; } = default!;

    public DateOnly? DueDate => Shared.DateInput.Parse(DueDay, DueMonth, DueYear);

    /// <summary>The defaults: the proposed due date (<see cref="RoundOpeningView.ProposedDueDate"/>), named after its month.</summary>
    public static OpenRoundForm For(RoundOpeningView opening) => opening.ProposedDueDate is not { } due
        ? new OpenRoundForm { Opening = opening }
        : new()
        {
            Label = RoundSchedule.DefaultLabel(due),
            DueDay = due.Day.ToString(CultureInfo.InvariantCulture),
            DueMonth = due.Month.ToString(CultureInfo.InvariantCulture),
            DueYear = due.Year.ToString(CultureInfo.InvariantCulture),
            Opening = opening,
        };
}

public sealed class OpenRoundFormValidator : AbstractValidator<OpenRoundForm>
{
    public OpenRoundFormValidator()
    {
        RuleFor(f => f.Label).NotEmpty().WithMessage("Enter the name of the round")
            .MaximumLength(Round.LabelMaxLength).WithMessage($"Name must be {Round.LabelMaxLength} characters or fewer");
        RuleFor(f => f.DueDay).Cascade(CascadeMode.Stop)
            .Must((form, _) => !string.IsNullOrWhiteSpace(form.DueDay) || !string.IsNullOrWhiteSpace(form.DueMonth) || !string.IsNullOrWhiteSpace(form.DueYear))
            .WithMessage("Enter the due date")
            .Must((form, _) => form.DueDate is not null).WithMessage("Due date must be a real date, for example 31 3 2020");
    }
}
