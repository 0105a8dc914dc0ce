using System.Text.RegularExpressions;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Reads an Assessment of Progress cell as people type it: "2", "2 ", "2 - On Track", "2 – On-Track",
/// "On-Track", "Fully achieved". Anything after the grade's number and words is its explanation.
/// </summary>
public static partial class GradeReading
{
    public sealed record Reading(Grade? Grade, string? Explanation, bool Unreadable);

    public static Reading Read(string cell)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return new Reading(null, null, false);
        }

        var number = LeadingNumber().Match(text);
        Grade? grade = number.Success ? (Grade)int.Parse(number.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var rest = number.Success ? text[number.Length..] : text;
        var (labelled, afterLabel) = LeadingLabel(rest);
        if (grade is null && labelled is null || grade is not null && labelled is not null && labelled != grade)
        {
            return new Reading(null, null, true);
        }

        var explanation = afterLabel.Trim().TrimStart('-', '–', '—', ':', '.', ',', ';').Trim();
        return new Reading(grade ?? labelled, explanation.Length == 0 ? null : explanation, false);
    }

    /// <summary>The grade whose words start the text ("on track", "On-Track", "slipped"), and what follows them.</summary>
    private static (Grade? Grade, string After) LeadingLabel(string text)
    {
        var trimmed = text.TrimStart(' ', '\t', '-', '–', '—', ':', '.', '(', ')');
        foreach (var grade in GradeText.All)
        {
            var words = LabelPattern(grade).Match(trimmed);
            if (words.Success)
            {
                return (grade, trimmed[words.Length..]);
            }
        }

        return (null, text);
    }

    private static Regex LabelPattern(Grade grade) => grade switch
    {
        Grade.FullyAchieved => FullyAchieved(),
        Grade.OnTrack => OnTrack(),
        Grade.Slipped => Slipped(),
        _ => NotAchieved(),
    };

    [GeneratedRegex(@"^\s*([1-4])(?![0-9])\s*\)?")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^fully[\s\-]*achieved\b", RegexOptions.IgnoreCase)]
    private static partial Regex FullyAchieved();

    [GeneratedRegex(@"^on[\s\-]*track\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnTrack();

    [GeneratedRegex(@"^slipped\b", RegexOptions.IgnoreCase)]
    private static partial Regex Slipped();

    [GeneratedRegex(@"^not[\s\-]*achieved\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAchieved();
}
