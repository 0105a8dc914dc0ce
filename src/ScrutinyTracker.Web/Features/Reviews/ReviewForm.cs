using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.Reviews;

/// <summary>
/// A review's details: title, Select Committee, link officers, when its report went to the Executive,
/// the month the plan was agreed (empty until it is), and its own monitoring intervals if any.
/// </summary>
public sealed class ReviewForm
{
    public string Title { get; set; } = "";
    [InvalidValueMessage("Select the Select Committee")]
    public int? SelectCommitteeId { get; set; }
    public List<string> LinkOfficerIds { get; set; } = [];

    public DateInput ReportToExecutive { get; set; } = new();

    /// <summary>"March 2019", or empty while the Select Committee has not agreed the plan.</summary>
    public string? ActionPlanAgreed { get; set; }

    /// <summary>Empty: the committee's interval.</summary>
    [InvalidValueMessage("Choose the Select Committee's interval, or 3, 6 or 12 months, for the first progress update")]
    public int? FirstUpdateMonths { get; set; }

    [InvalidValueMessage("Choose the Select Committee's interval, or 3, 6 or 12 months, between later progress updates")]
    public int? FollowUpMonths { get; set; }

    public Guid Version { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> SelectCommittees { get; set; } = [];

    [BindNever]
    public IReadOnlyList<SelectListItem> LinkOfficers { get; set; } = [];

    /// <summary>True once a round was opened: the plan's month can then be corrected but not removed.</summary>
    [BindNever]
    public bool HasRounds { get; set; }

    public static IReadOnlyList<SelectListItem> IntervalItems { get; } =
        MonitoringIntervals.Choices
            .Select(m => new SelectListItem(MonitoringIntervals.Describe(m), m.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("As the Select Committee sets", ""))
            .ToList();

    public static ReviewForm From(Review review) => new()
    {
        Title = review.Title,
        SelectCommitteeId = review.SelectCommitteeId,
        LinkOfficerIds = review.LinkOfficers.Select(l => l.UserId).ToList(),
        ReportToExecutive = DateInput.Of(review.ReportToExecutive),
        ActionPlanAgreed = review.ActionPlanAgreed?.ToString(),
        FirstUpdateMonths = review.FirstUpdateMonths,
        FollowUpMonths = review.FollowUpMonths,
        Version = review.Version,
    };

    /// <summary>Copies a valid form onto the review.</summary>
    public void ApplyTo(Review review)
    {
        review.Title = Title.Trim();
        review.SelectCommitteeId = SelectCommitteeId!.Value;
        review.ReportToExecutive = ReportToExecutive.Date;
        review.ActionPlanAgreed = string.IsNullOrWhiteSpace(ActionPlanAgreed) ? null
            : YearMonth.TryParse(ActionPlanAgreed, out var agreed) ? agreed
            : throw new InvalidOperationException("Apply only a validated form.");
        review.FirstUpdateMonths = FirstUpdateMonths;
        review.FollowUpMonths = FollowUpMonths;
        review.LinkOfficers.RemoveAll(l => !LinkOfficerIds.Contains(l.UserId));
        foreach (var userId in LinkOfficerIds.Distinct().Where(id => review.LinkOfficers.All(l => l.UserId != id)))
        {
            review.LinkOfficers.Add(new ReviewLinkOfficer { UserId = userId });
        }
    }
}

public sealed class ReviewFormValidator : AbstractValidator<ReviewForm>
{
    public ReviewFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter the title of the review")
            .MaximumLength(Review.TitleMaxLength).WithMessage($"Title must be {Review.TitleMaxLength} characters or fewer");
        RuleFor(f => f.SelectCommitteeId).NotNull().WithMessage("Select the Select Committee");
        RuleFor(f => f.ReportToExecutive.Day)
            .Must((form, _) => form.ReportToExecutive.IsEmpty || form.ReportToExecutive.Date is not null)
            .WithMessage("The date the report went to the Executive must be a real date, for example 12 2 2019")
            .OverridePropertyName("ReportToExecutive.Day");
        RuleFor(f => f.ActionPlanAgreed)
            .Must(text => string.IsNullOrWhiteSpace(text) || YearMonth.TryParse(text, out _))
            .WithMessage("Enter the month the action plan was agreed as a month and year, for example March 2019");
        RuleFor(f => f.FirstUpdateMonths).Must(m => m is null || MonitoringIntervals.IsChoice(m))
            .WithMessage("Choose 3, 6 or 12 months for the first progress update");
        RuleFor(f => f.FollowUpMonths).Must(m => m is null || MonitoringIntervals.IsChoice(m))
            .WithMessage("Choose 3, 6 or 12 months between later progress updates");
    }
}
