using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>What a scrutiny officer opening a review's next round starts from, and when it shows as due.</summary>
public static class RoundSchedule
{
    /// <summary>A round is listed as due for update this many days before its due date.</summary>
    public const int DueSoonDays = 30;

    /// <summary>"March 2020": the month and year of the due date, as the council's documents name rounds.</summary>
    public static string DefaultLabel(DateOnly dueDate) => YearMonth.From(dueDate).ToString();

    /// <summary>Due within <see cref="DueSoonDays"/> days, or overdue.</summary>
    public static bool IsDueForUpdate(DateOnly dueDate, DateOnly today) => dueDate <= today.AddDays(DueSoonDays);

    /// <summary>
    /// The due date to propose for a round opened today: the scheduled one (<see cref="NextRound"/>) while
    /// it is still ahead, otherwise the end of this month, as a missed date is of no use to anyone.
    /// </summary>
    public static DateOnly ProposedDueDate(DateOnly scheduled, DateOnly today) =>
        scheduled >= today ? scheduled : YearMonth.From(today).LastDay;
}
