using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>
/// The "Grading" configuration section. The council's document makes the explanation optional for every
/// grade ("include explanation if required"), so none is required by default; a council that wants one
/// for some grades lists them, e.g. <c>"ExplanationRequiredFor": [3, 4]</c>.
/// </summary>
public sealed class GradingOptions
{
    public const string Section = "Grading";

    /// <summary>The grades that cannot be submitted without an explanation.</summary>
    public List<Grade> ExplanationRequiredFor { get; set; } = [];

    public bool RequiresExplanation(Grade grade) => ExplanationRequiredFor.Contains(grade);

    /// <summary>The hint under the Explanation field: what is required, or what an explanation is for.</summary>
    public string ExplanationHint()
    {
        var required = GradeText.All.Where(RequiresExplanation).ToList();
        if (required.Count > 0)
        {
            return $"Needed for {Words(required)}";
        }

        var invited = GradeText.All.Where(g => g.InvitesExplanation()).ToList();
        return $"Optional. For {Words(invited)}, say why here if your evidence does not already";
    }

    /// <summary>"3 – Slipped and 4 – Not Achieved".</summary>
    private static string Words(IReadOnlyList<Grade> grades) => grades.Count == 1
        ? grades[0].NumberAndLabel()
        : string.Join(", ", grades.SkipLast(1).Select(g => g.NumberAndLabel())) + " and " + grades[^1].NumberAndLabel();

    public static bool IsValid(GradingOptions options) => options.ExplanationRequiredFor.All(Enum.IsDefined);
}
