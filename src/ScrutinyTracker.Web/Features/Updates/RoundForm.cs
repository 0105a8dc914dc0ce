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

    public string? Evidence { get; set; }
    public Grade? Grade { get; set; }
    public string? Explanation { get; set; }
}
