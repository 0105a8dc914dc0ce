using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.ClosingMonitoring;

/// <summary>The committee's decision to end monitoring early: when, and why ("superseded by the new Hate Crime Strategy").</summary>
public sealed class CloseMonitoringForm
{
    public DateInput ClosedOn { get; set; } = new();
    public string? Reason { get => field; set => field = value?.ReplaceLineEndings("\n"); }

    [BindNever]
    public CloseMonitoringView View { get; set; } = default!;
}

public sealed class CloseMonitoringFormValidator : AbstractValidator<CloseMonitoringForm>
{
    public CloseMonitoringFormValidator()
    {
        RuleFor(f => f.ClosedOn.Day)
            .Must((form, _) => !form.ClosedOn.IsEmpty).WithMessage("Enter the date the committee closed monitoring")
            .Must((form, _) => form.ClosedOn.IsEmpty || form.ClosedOn.Date is not null)
            .WithMessage("The date the committee closed monitoring must be a real date, for example 3 5 2021")
            .OverridePropertyName("ClosedOn.Day");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the committee closed monitoring")
            .MaximumLength(Review.ClosedReasonMaxLength).WithMessage($"The reason must be {Review.ClosedReasonMaxLength:N0} characters or fewer");
    }
}

/// <summary>What is being closed: a whole review, or one recommendation of it (<see cref="RecommendationNumber"/>).</summary>
public sealed record CloseMonitoringView(
    int ReviewId,
    string ReviewTitle,
    int? RecommendationId,
    int? RecommendationNumber,
    string? OpenRound,
    int ActionsNotSignedOff,
    string? RefusedBecause,
    DateOnly Today)
{
    public string What => RecommendationNumber is { } number ? $"recommendation {number}" : "the review";
}
