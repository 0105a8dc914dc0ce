using FluentValidation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.SelectCommittees;

public sealed class SelectCommitteeForm
{
    public string Name { get; set; } = "";
}

public sealed class SelectCommitteeFormValidator : AbstractValidator<SelectCommitteeForm>
{
    public SelectCommitteeFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the name of the Select Committee")
            .MaximumLength(SelectCommittee.NameMaxLength).WithMessage($"Name must be {SelectCommittee.NameMaxLength} characters or fewer");
    }
}

/// <summary>The list of Select Committees with the form to add one.</summary>
public sealed record SelectCommitteesView(IReadOnlyList<SelectCommitteeItem> Committees, SelectCommitteeForm Form);

public sealed record SelectCommitteeItem(int Id, string Name, int Reviews, int FirstUpdateMonths, int FollowUpMonths);

public sealed record RenameSelectCommitteeView(int Id, string CurrentName, SelectCommitteeForm Form);

/// <summary>A Select Committee's monitoring intervals, for its reviews that do not set their own.</summary>
public sealed class IntervalsForm
{
    [InvalidValueMessage("Choose 3, 6 or 12 months for the first progress update")]
    public int? FirstUpdateMonths { get; set; }
    [InvalidValueMessage("Choose 3, 6 or 12 months between later progress updates")]
    public int? FollowUpMonths { get; set; }
    public Guid Version { get; set; }

    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Items { get; } = MonitoringIntervals.Choices
        .Select(m => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(MonitoringIntervals.Describe(m), m.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}

public sealed class IntervalsFormValidator : AbstractValidator<IntervalsForm>
{
    public IntervalsFormValidator()
    {
        RuleFor(f => f.FirstUpdateMonths).Must(MonitoringIntervals.IsChoice)
            .WithMessage("Choose 3, 6 or 12 months for the first progress update");
        RuleFor(f => f.FollowUpMonths).Must(MonitoringIntervals.IsChoice)
            .WithMessage("Choose 3, 6 or 12 months between later progress updates");
    }
}

public sealed record IntervalsView(int Id, string Name, int ReviewsWithOwnIntervals, IntervalsForm Form);
