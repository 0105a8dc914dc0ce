using System.Globalization;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>How many actions have each grade, and how many have none: shown in words, numbers and <c>_GradeBar</c>.</summary>
public sealed class GradeCounts
{
    private readonly int[] _byGrade = new int[GradeText.All.Count + 1];

    private GradeCounts()
    {
    }

    public static GradeCounts Of(IEnumerable<Grade?> grades)
    {
        var counts = new GradeCounts();
        foreach (var grade in grades)
        {
            counts._byGrade[grade is { } g ? (int)g : 0]++;
        }

        return counts;
    }

    /// <summary>From counts already made (by the database): (grade or null for not graded, how many).</summary>
    public static GradeCounts Of(IEnumerable<(Grade? Grade, int Count)> counted)
    {
        var counts = new GradeCounts();
        foreach (var (grade, count) in counted)
        {
            counts._byGrade[grade is { } g ? (int)g : 0] += count;
        }

        return counts;
    }

    public int this[Grade grade] => _byGrade[(int)grade];

    public int NotGraded => _byGrade[0];

    public int Total => _byGrade.Sum();

    /// <summary>Share of the actions that are Fully Achieved, rounded to a whole percent; null when there are no actions.</summary>
    public int? PercentFullyAchieved => Total == 0
        ? null
        : (int)Math.Round(100m * this[Grade.FullyAchieved] / Total, MidpointRounding.AwayFromZero);

    /// <summary>"12 Fully Achieved, 2 On-Track, 1 Slipped, 1 Not Achieved, 0 not graded".</summary>
    public string Describe() => string.Join(", ", GradeText.All
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{this[g]} {g.Label()}"))
        .Append(string.Create(CultureInfo.InvariantCulture, $"{NotGraded} not graded")));
}
