using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Web;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.CommitteeDecisions;

/// <summary>
/// The committee meeting that considered a round and its decision on each update, as posted; decisions
/// are keyed by update id ("Decisions[17].Outcome").
/// </summary>
public sealed class ConsiderationForm
{
    public DateInput Meeting { get; set; } = new();
    [InvalidValueMessage("Select the committee that considered the round from the list")]
    public int? SelectCommitteeId { get; set; }
    public string? MinuteReference { get; set; }

    /// <summary>The consideration's version when the page was read; <see cref="Guid.Empty"/> when not yet recorded.</summary>
    public Guid Version { get; set; }

    public Dictionary<int, DecisionForm> Decisions { get; set; } = [];

    [BindNever]
    public ConsiderationView View { get; set; } = default!;

    public static string Key(int updateId, string field) => $"{nameof(Decisions)}[{updateId}].{field}";

    /// <summary>What is stored, or the proposal when nothing is: sign off every grade 1, continue monitoring the rest.</summary>
    public static ConsiderationForm For(ConsiderationView view) => new()
    {
        Meeting = DateInput.Of(view.MeetingDate),
        SelectCommitteeId = view.SelectCommitteeId,
        MinuteReference = view.MinuteReference,
        Version = view.Version,
        Decisions = view.Items.ToDictionary(i => i.UpdateId, i => new DecisionForm
        {
            Outcome = i.Outcome ?? (i.Grade == Grade.FullyAchieved ? CommitteeOutcome.SignedOff : CommitteeOutcome.ContinueMonitoring),
            Grade = i.CommitteeGrade,
            Reason = i.Reason,
        }),
        View = view,
    };
}

public sealed class DecisionForm
{
    [InvalidValueMessage("Choose Signed off, Grade changed or Continue monitoring for the committee's decision")]
    public CommitteeOutcome? Outcome { get; set; }

    /// <summary>The committee's grade, when it changed the self-assessed one.</summary>
    [InvalidValueMessage("Choose the committee's grade: 2, 3 or 4")]
    public Grade? Grade { get; set; }

    public string? Reason { get => field; set => field = value?.ReplaceLineEndings("\n"); }
}

public sealed class ConsiderationFormValidator : AbstractValidator<ConsiderationForm>
{
    public ConsiderationFormValidator()
    {
        RuleFor(f => f.Meeting.Day)
            .Must((form, _) => !form.Meeting.IsEmpty).WithMessage("Enter the date of the committee meeting")
            .Must((form, _) => form.Meeting.IsEmpty || form.Meeting.Date is not null)
            .WithMessage("The date of the committee meeting must be a real date, for example 15 4 2020")
            .OverridePropertyName("Meeting.Day");
        RuleFor(f => f.SelectCommitteeId).NotNull().WithMessage("Select the committee that considered the round");
        RuleFor(f => f.MinuteReference).MaximumLength(CommitteeConsideration.MinuteReferenceMaxLength)
            .WithMessage($"The minute reference must be {CommitteeConsideration.MinuteReferenceMaxLength} characters or fewer");
    }
}

/// <summary>
/// The rules for one action's decision, knowing its self-assessed grade:
/// <list type="bullet">
/// <item>only an action graded 1 Fully Achieved can be signed off;</item>
/// <item>a changed grade is 2, 3 or 4, differs from the self-assessment and has a reason (an action the
/// committee agrees is achieved is signed off once the service grades it 1);</item>
/// <item>continuing needs nothing more.</item>
/// </list>
/// </summary>
public sealed record DecisionAnswers(string ActionName, Grade? SelfAssessed, DecisionForm Form);

public sealed class DecisionAnswersValidator : AbstractValidator<DecisionAnswers>
{
    public DecisionAnswersValidator()
    {
        RuleFor(a => a.Form.Outcome).NotNull().IsInEnum()
            .WithMessage(a => $"Choose the committee's decision on {a.ActionName}");
        RuleFor(a => a.Form.Outcome).Must((a, outcome) => outcome != CommitteeOutcome.SignedOff || a.SelfAssessed == Grade.FullyAchieved)
            .WithMessage(a => $"{a.ActionName} can only be signed off when it is graded 1 Fully Achieved: change its grade or continue monitoring it");
        When(a => a.Form.Outcome == CommitteeOutcome.GradeChanged, () =>
        {
            RuleFor(a => a.Form.Grade).NotNull().WithMessage(a => $"Choose the committee's grade for {a.ActionName}")
                .Must(g => g is Grade.OnTrack or Grade.Slipped or Grade.NotAchieved)
                .WithMessage(a => $"The committee's grade for {a.ActionName} must be 2, 3 or 4: sign it off if members agree it is fully achieved")
                .Must((a, g) => g != a.SelfAssessed)
                .WithMessage(a => $"The committee's grade for {a.ActionName} is the same as the service's: choose another grade or continue monitoring");
            RuleFor(a => a.Form.Reason).NotEmpty()
                .WithMessage(a => $"Enter why the committee changed the grade of {a.ActionName}");
        });
        RuleFor(a => a.Form.Reason).MaximumLength(CommitteeDecision.ReasonMaxLength)
            .WithMessage(a => $"The reason for {a.ActionName} must be {CommitteeDecision.ReasonMaxLength:N0} characters or fewer");
    }
}
