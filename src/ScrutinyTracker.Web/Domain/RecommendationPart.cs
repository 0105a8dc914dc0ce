namespace ScrutinyTracker.Web.Domain;

/// <summary>A lettered part of a recommendation ("a) encouraging reporting through:"); the design calls these sub-actions.</summary>
public class RecommendationPart : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int LetterMaxLength = 3;

    public int Id { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }

    /// <summary>"a", "b"…; unique within the recommendation and assigned in order.</summary>
    public required string Letter { get; set; }

    public required string Text { get; set; }
    public int Position { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<PlanAction> Actions { get; set; } = [];

    /// <summary>The letter for the part at a zero-based position: a…z, then aa, ab….</summary>
    public static string LetterFor(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return position < 26
            ? ((char)('a' + position)).ToString()
            : LetterFor(position / 26 - 1) + (char)('a' + position % 26);
    }
}
