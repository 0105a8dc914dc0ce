using ScrutinyTracker.Web.Domain;

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

    // Browsers post a typed line break as CRLF but count it as one character; storing "\n" keeps the
    // line breaks and makes the server's count agree with the character count the user saw.
    public string? Evidence { get; set => field = value?.ReplaceLineEndings("\n"); }
    public Grade? Grade { get; set; }
    public string? Explanation { get; set => field = value?.ReplaceLineEndings("\n"); }
}
