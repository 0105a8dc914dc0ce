namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// One agreed action: a gradable column of the council's action plan tables. It belongs to a
/// recommendation and, when the recommendation has lettered parts, to one of them.
/// </summary>
public class PlanAction : IVersioned
{
    public const int HeadingMaxLength = 300;
    public const int ResponsibilityMaxLength = 500;
    public const int TargetDateMaxLength = 100;
    public const int AgreedActionMaxLength = 4000;
    public const int SuccessMeasureMaxLength = 4000;

    public int Id { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public int? PartId { get; set; }
    public RecommendationPart? Part { get; set; }

    /// <summary>Column heading when a part has several actions side by side ("Frontline staff").</summary>
    public string? Heading { get; set; }

    public required string Responsibility { get; set; }

    /// <summary>The target date as the document writes it: "October 2019", "Reviewed throughout the year 2019".</summary>
    public required string TargetDate { get; set; }

    /// <summary>The month found in <see cref="TargetDate"/>, if it names one.</summary>
    public YearMonth? DueMonth { get; set; }

    public required string AgreedAction { get; set; }
    public required string SuccessMeasure { get; set; }

    /// <summary>Place among the actions of the same recommendation or part.</summary>
    public int Position { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ProgressUpdate> Updates { get; set; } = [];

    public void SetTargetDate(string targetDate)
    {
        TargetDate = targetDate.Trim();
        DueMonth = YearMonth.FindIn(TargetDate);
    }
}
