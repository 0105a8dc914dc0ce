namespace ScrutinyTracker.Web.Domain;

/// <summary>A numbered recommendation of a review, with its own actions and/or lettered parts.</summary>
public class Recommendation : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int ClosedReasonMaxLength = Review.ClosedReasonMaxLength;

    public int Id { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }

    /// <summary>The number the committee gave it; unique within the review.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }

    /// <summary>Place in the document; recommendations are numbered in this order.</summary>
    public int Position { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The Executive's response; null while it is awaited.</summary>
    public ExecutiveResponse? ExecutiveResponse { get; set; }

    /// <summary>Set when the committee ended monitoring of this recommendation before all its actions were signed off.</summary>
    public DateOnly? MonitoringClosedOn { get; set; }

    /// <summary>Why ("superseded by the new Hate Crime Strategy").</summary>
    public string? MonitoringClosedReason { get; set; }

    public List<RecommendationPart> Parts { get; set; } = [];

    /// <summary>Every action of the recommendation, including those of its parts.</summary>
    public List<PlanAction> Actions { get; set; } = [];
}
