using FluentValidation;
using ScrutinyTracker.Web.Domain;

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

public sealed record SelectCommitteeItem(int Id, string Name, int Reviews);

public sealed record RenameSelectCommitteeView(int Id, string CurrentName, SelectCommitteeForm Form);
