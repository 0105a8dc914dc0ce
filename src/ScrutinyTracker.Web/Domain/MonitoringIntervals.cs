namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// How long after the action plan was agreed the first progress update is due, and how long after
/// each update the next one is. A Select Committee sets its own (12 and 6 months unless changed); a
/// review may override either.
/// </summary>
public readonly record struct MonitoringIntervals(int FirstUpdateMonths, int FollowUpMonths)
{
    public const int DefaultFirstUpdateMonths = 12;
    public const int DefaultFollowUpMonths = 6;

    public static IReadOnlyList<int> Choices { get; } = [3, 6, 12];

    public static MonitoringIntervals Default { get; } = new(DefaultFirstUpdateMonths, DefaultFollowUpMonths);

    public static bool IsChoice(int? months) => months is { } m && Choices.Contains(m);

    /// <summary>The review's own intervals where it has them, else its committee's.</summary>
    public static MonitoringIntervals For(int committeeFirst, int committeeFollowUp, int? reviewFirst, int? reviewFollowUp) =>
        new(reviewFirst ?? committeeFirst, reviewFollowUp ?? committeeFollowUp);

    /// <summary>"12 months", "3 months".</summary>
    public static string Describe(int months) => months == 1 ? "1 month" : $"{months} months";
}
