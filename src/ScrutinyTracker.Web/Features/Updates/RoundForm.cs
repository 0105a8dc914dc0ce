using System.ComponentModel.DataAnnotations;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Web;
using ScrutinyTracker.Web.Infrastructure.Text;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>
/// The round form as posted: answers keyed by update id ("Updates[17].Evidence"), so that what was
/// typed goes back to the same action even if the round changed in between. It is validated with
/// <see cref="UpdateAnswersValidator"/> once the actions' names are known, not by auto-validation.
/// </summary>
public sealed class RoundForm
{
    public Dictionary<int, UpdateForm> Updates { get; set; } = [];
}

public sealed class UpdateForm
{
    /// <summary>The version the user started from: their save is refused if someone saved since.</summary>
    public Guid Version { get; set; }

    // Line breaks as the one character the browser counted (see TypedText.NormaliseLineBreaks).
    [Display(Name = "Evidence of Progress")]
    public string? Evidence { get; set => field = value is null ? null : TypedText.NormaliseLineBreaks(value); }
    [InvalidValueMessage("Select an Assessment of Progress from 1 to 4")]
    public Grade? Grade { get; set; }
    public string? Explanation { get; set => field = value is null ? null : TypedText.NormaliseLineBreaks(value); }

    /// <summary>For 3 Slipped: the month it is now expected to be achieved by ("June 2021"), if given.</summary>
    public string? ExpectedBy { get; set; }

    /// <summary>For 3 Slipped: the reason for the delay, if given.</summary>
    public string? DelayReason { get; set => field = value is null ? null : TypedText.NormaliseLineBreaks(value); }
}
