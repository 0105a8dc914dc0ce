using System.Globalization;
using FluentValidation;
using ScrutinyTracker.Web.Infrastructure.Web;

namespace ScrutinyTracker.Web.Features.CommitteePacks;

/// <summary>A committee pack to print: the reviews of one round label, the committee and its meeting date.</summary>
public sealed class CommitteePackForm
{
    public const int MaxReviews = 40;

    /// <summary>The round label shared by the reviews' rounds, e.g. "March 2020".</summary>
    public string Round { get; set; } = "";

    [InvalidValueMessage("Select reviews from the list")]
    public List<int> ReviewIds { get; set; } = [];

    /// <summary>The committee the pack goes to, named on its cover.</summary>
    [InvalidValueMessage("Select the Select Committee the pack is for")]
    public int? SelectCommitteeId { get; set; }

    /// <summary>The officer has seen that some reviews have no accepted update in the round and wants the pack anyway.</summary>
    [InvalidValueMessage("Make the committee pack again: the page could not tell whether you had seen the warning")]
    public bool Confirmed { get; set; }

    /// <summary>The pack as a PDF for the agenda or a Word document to edit, or its reviews' actions as a spreadsheet.</summary>
    [InvalidValueMessage("Make the committee pack again: the page could not tell which format you chose")]
    public PackFormat Format { get; set; } = PackFormat.Pdf;

    public string? MeetingDay { get; set; }
    public string? MeetingMonth { get; set; }
    public string? MeetingYear { get; set; }

    public DateOnly? MeetingDate =>
        int.TryParse(MeetingDay, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
        && int.TryParse(MeetingMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(MeetingYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && year is >= 2000 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}

public enum PackFormat
{
    Pdf,
    Word,
    Excel,
    Csv,
}

public sealed class CommitteePackFormValidator : AbstractValidator<CommitteePackForm>
{
    public CommitteePackFormValidator()
    {
        RuleFor(f => f.Round).NotEmpty().WithMessage("Select the monitoring round")
            .MaximumLength(Domain.Round.LabelMaxLength).WithMessage($"Monitoring round must be {Domain.Round.LabelMaxLength} characters or fewer");
        RuleFor(f => f.ReviewIds).NotEmpty().WithMessage("Select at least one review")
            .Must(ids => ids.Count <= CommitteePackForm.MaxReviews).WithMessage($"Select {CommitteePackForm.MaxReviews} reviews or fewer");
        RuleFor(f => f.Format).IsInEnum().WithMessage("Make the committee pack again: the page could not tell which format you chose");
        RuleFor(f => f.SelectCommitteeId).NotNull().WithMessage("Select the Select Committee the pack is for");
        RuleFor(f => f).Custom((form, context) =>
        {
            if (MeetingDateError(form) is { } message)
            {
                context.AddFailure(nameof(CommitteePackForm.MeetingDate), message);
            }
        });
    }

    /// <summary>GOV.UK date input messages: what is missing first, then whether the date is real.</summary>
    private static string? MeetingDateError(CommitteePackForm form)
    {
        var missing = new[] { ("day", form.MeetingDay), ("month", form.MeetingMonth), ("year", form.MeetingYear) }
            .Where(part => string.IsNullOrWhiteSpace(part.Item2))
            .Select(part => part.Item1)
            .ToList();
        return missing.Count switch
        {
            3 => "Enter the meeting date",
            > 0 => $"Meeting date must include a {string.Join(" and ", missing)}",
            _ when form.MeetingDate is null => "Meeting date must be a real date",
            _ => null,
        };
    }
}
