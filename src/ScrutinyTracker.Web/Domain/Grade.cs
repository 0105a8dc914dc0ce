namespace ScrutinyTracker.Web.Domain;

/// <summary>The council's Assessment of Progress grading.</summary>
public enum Grade
{
    FullyAchieved = 1,
    OnTrack = 2,
    Slipped = 3,
    NotAchieved = 4,
}

public static class GradeText
{
    public static IReadOnlyList<Grade> All { get; } = [Grade.FullyAchieved, Grade.OnTrack, Grade.Slipped, Grade.NotAchieved];

    public static string Label(this Grade grade) => grade switch
    {
        Grade.FullyAchieved => "Fully Achieved",
        Grade.OnTrack => "On-Track",
        Grade.Slipped => "Slipped",
        Grade.NotAchieved => "Not Achieved",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "A grade is 1 to 4."),
    };

    /// <summary>"1 – Fully Achieved": the number and the words, as the council writes them.</summary>
    public static string NumberAndLabel(this Grade grade) => $"{(int)grade} – {grade.Label()}";

    /// <summary>
    /// Slipped and Not Achieved are the grades an explanation is usually given for. Whether one is required
    /// is the council's choice (Grading:ExplanationRequiredFor, none by default): see GradingOptions.
    /// </summary>
    public static bool InvitesExplanation(this Grade grade) => grade is Grade.Slipped or Grade.NotAchieved;
}
