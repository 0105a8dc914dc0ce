using FluentValidation;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>What a link officer answers for one action, named so that messages can say which action is meant.</summary>
/// <param name="ExpectedBy">For 3 Slipped, the revised month as typed ("June 2021").</param>
public sealed record UpdateAnswers(string ActionName, string? Evidence, Grade? Grade, string? Explanation, string? ExpectedBy = null, string? DelayReason = null);

/// <summary>
/// The rules for an action's answers. The default rules hold for every save, so a draft may be
/// incomplete; the <see cref="Submission"/> rules also hold when the round is sent to the scrutiny officer.
/// An explanation is required only for the grades the council lists in Grading:ExplanationRequiredFor.
/// </summary>
public sealed class UpdateAnswersValidator : AbstractValidator<UpdateAnswers>
{
    public const string Submission = nameof(Submission);

    public UpdateAnswersValidator(IOptions<GradingOptions> grading)
    {
        var rules = grading.Value;
        RuleFor(a => a.Evidence).MaximumLength(ProgressUpdate.EvidenceMaxLength)
            .WithMessage(a => $"Evidence of Progress for {a.ActionName} must be {ProgressUpdate.EvidenceMaxLength:N0} characters or fewer");
        RuleFor(a => a.Grade).IsInEnum()
            .WithMessage(a => $"Select an Assessment of Progress from 1 to 4 for {a.ActionName}");
        RuleFor(a => a.Explanation).MaximumLength(ProgressUpdate.ExplanationMaxLength)
            .WithMessage(a => $"The explanation for {a.ActionName} must be {ProgressUpdate.ExplanationMaxLength:N0} characters or fewer");

        // The council's grading guidance asks a slipped action for its revised date and the reason for the delay; both optional.
        RuleFor(a => a.ExpectedBy).Must(text => string.IsNullOrWhiteSpace(text) || YearMonth.TryParse(text, out _))
            .WithMessage(a => $"Enter the month {a.ActionName} is expected to be achieved by as a month and year, for example June 2021");
        RuleFor(a => a.DelayReason).MaximumLength(ProgressUpdate.DelayReasonMaxLength)
            .WithMessage(a => $"The reason for the delay of {a.ActionName} must be {ProgressUpdate.DelayReasonMaxLength:N0} characters or fewer");

        RuleSet(Submission, () =>
        {
            RuleFor(a => a.Evidence).NotEmpty()
                .WithMessage(a => $"Enter the Evidence of Progress for {a.ActionName}");
            RuleFor(a => a.Grade).NotNull()
                .WithMessage(a => $"Select the Assessment of Progress for {a.ActionName}");
            RuleFor(a => a.Explanation).NotEmpty()
                .When(a => a.Grade is { } grade && rules.RequiresExplanation(grade))
                .WithMessage(a => $"Explain why {a.ActionName} is graded {a.Grade!.Value.NumberAndLabel()}");
        });
    }
}
