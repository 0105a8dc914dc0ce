using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.Reviews;

/// <summary>A review's details: title, Select Committee, link officers and the month the plan was agreed.</summary>
public sealed class ReviewForm
{
    public string Title { get; set; } = "";
    [InvalidValueMessage("Select the Select Committee")]
    public int? SelectCommitteeId { get; set; }
    public List<string> LinkOfficerIds { get; set; } = [];

    /// <summary>"March 2019".</summary>
    public string ActionPlanAgreed { get; set; } = "";

    public Guid Version { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> SelectCommittees { get; set; } = [];

    [BindNever]
    public IReadOnlyList<SelectListItem> LinkOfficers { get; set; } = [];

    public static ReviewForm From(Review review) => new()
    {
        Title = review.Title,
        SelectCommitteeId = review.SelectCommitteeId,
        LinkOfficerIds = review.LinkOfficers.Select(l => l.UserId).ToList(),
        ActionPlanAgreed = review.ActionPlanAgreed.ToString(),
        Version = review.Version,
    };

    /// <summary>Copies a valid form onto the review.</summary>
    public void ApplyTo(Review review)
    {
        review.Title = Title.Trim();
        review.SelectCommitteeId = SelectCommitteeId!.Value;
        review.ActionPlanAgreed = YearMonth.TryParse(ActionPlanAgreed, out var agreed)
            ? agreed
            : throw new InvalidOperationException("Apply only a validated form.");
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
        RuleFor(f => f.ActionPlanAgreed).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the month the action plan was agreed")
            .Must(text => YearMonth.TryParse(text, out _))
            .WithMessage("Enter the month the action plan was agreed as a month and year, for example March 2019");
    }
}
