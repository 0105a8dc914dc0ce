using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Exports;

/// <summary>
/// One row of the actions spreadsheet: one action of a review's plan in one round, with what the
/// round says of it. <see cref="Round"/> is null for a review that has no round yet.
/// </summary>
public sealed record ActionRow(
    string Review,
    string SelectCommittee,
    int Recommendation,
    string RecommendationText,
    string? Part,
    string? PartText,
    string? ColumnHeading,
    string Responsibility,
    string Date,
    string AgreedAction,
    string SuccessMeasure,
    string? Round,
    string? Evidence,
    Grade? Grade,
    string? Explanation,
    string Status);

/// <summary>
/// The spreadsheet's columns, in order, with their widths in Excel's character units: written by the
/// Excel and CSV exports and read back by the plan import, so the three never disagree.
/// </summary>
public static class ActionColumns
{
    public const string Review = "Review";
    public const string SelectCommittee = "Select Committee";
    public const string Recommendation = "Recommendation";
    public const string RecommendationText = "Recommendation text";
    public const string Part = "Part";
    public const string PartText = "Part text";
    public const string ColumnHeading = "Column heading";
    public const string Responsibility = "Responsibility";
    public const string Date = "Date";
    public const string AgreedAction = "Agreed Action";
    public const string SuccessMeasure = "Agreed Success Measure";
    public const string Round = "Round";
    public const string Evidence = "Evidence";
    public const string Grade = "Grade";
    public const string GradeWords = "Grade in words";
    public const string Explanation = "Explanation";
    public const string Status = "Status";

    /// <summary>A column: its header, its width, and its value in a row (a number, a string or nothing).</summary>
    public sealed record Column(string Header, double Width, Func<ActionRow, object?> Value);

    public static IReadOnlyList<Column> All { get; } =
    [
        new(Review, 28, r => r.Review),
        new(SelectCommittee, 28, r => r.SelectCommittee),
        new(Recommendation, 16, r => r.Recommendation),
        new(RecommendationText, 50, r => r.RecommendationText),
        new(Part, 6, r => r.Part),
        new(PartText, 50, r => r.PartText),
        new(ColumnHeading, 20, r => r.ColumnHeading),
        new(Responsibility, 25, r => r.Responsibility),
        new(Date, 20, r => r.Date),
        new(AgreedAction, 50, r => r.AgreedAction),
        new(SuccessMeasure, 50, r => r.SuccessMeasure),
        new(Round, 16, r => r.Round),
        new(Evidence, 80, r => r.Evidence),
        new(Grade, 8, r => r.Grade is { } grade ? (int)grade : null),
        new(GradeWords, 16, r => r.Grade?.Label()),
        new(Explanation, 40, r => r.Explanation),
        new(Status, 30, r => r.Status),
    ];

    /// <summary>A cell's text as the CSV writes it and the import compares it.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
