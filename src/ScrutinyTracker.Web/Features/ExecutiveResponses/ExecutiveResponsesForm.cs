using FluentValidation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Web;
using ScrutinyTracker.Web.Features.Shared;

namespace ScrutinyTracker.Web.Features.ExecutiveResponses;

/// <summary>
/// The Executive's responses to a review's recommendations as posted, keyed by recommendation id
/// ("Responses[12].Decision"). The decision date applies to every response recorded or changed in
/// this post: the Executive usually answers a report at one meeting.
/// </summary>
public sealed class ExecutiveResponsesForm
{
    public DateInput DecidedOn { get; set; } = new();

    public Dictionary<int, ResponseForm> Responses { get; set; } = [];

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public ExecutiveResponsesView View { get; set; } = default!;
}

public sealed class ResponseForm
{
    /// <summary>Empty: not recorded yet.</summary>
    [InvalidValueMessage("Choose Accepted, Partially accepted, Not accepted or Not recorded yet for the Executive's decision")]
    public ExecutiveDecision? Decision { get; set; }

    public string? Text { get => field; set => field = value?.ReplaceLineEndings("\n"); }

    /// <summary>The response's version when the page was read; <see cref="Guid.Empty"/> when there was none.</summary>
    public Guid Version { get; set; }
}

/// <summary>One recommendation's answers, named so that messages say which recommendation is meant.</summary>
public sealed record ResponseAnswers(int Number, ResponseForm Form);

public sealed class ResponseAnswersValidator : AbstractValidator<ResponseAnswers>
{
    public ResponseAnswersValidator()
    {
        RuleFor(a => a.Form.Decision).IsInEnum()
            .WithMessage(a => $"Choose whether the Executive accepted recommendation {a.Number}");
        RuleFor(a => a.Form.Text).NotEmpty()
            .When(a => a.Form.Decision is ExecutiveDecision.PartiallyAccepted or ExecutiveDecision.NotAccepted)
            .WithMessage(a => $"Enter what the Executive said about recommendation {a.Number}: what it will and will not do, or why it did not accept it");
        RuleFor(a => a.Form.Text).MaximumLength(ExecutiveResponse.TextMaxLength)
            .WithMessage(a => $"The response to recommendation {a.Number} must be {ExecutiveResponse.TextMaxLength:N0} characters or fewer");
    }
}
