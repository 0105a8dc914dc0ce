using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>What a scrutiny officer opening a review's next round starts from, and when it shows as due.</summary>
public static class RoundSchedule
{
    /// <summary>A round is listed as due for update this many days before its due date.</summary>
    public const int DueSoonDays = 30;

    /// <summary>
    /// The next round's due date by <see cref="NextRound"/>: the last day of the month 12 months after
    /// the plan was agreed, or after the previous round's due date.
    /// </summary>
    public static DateOnly NextDueDate(YearMonth actionPlanAgreed, DateOnly? previousDueDate) =>
        NextRound.DueDate(ReviewStatus.Monitoring, actionPlanAgreed, openRoundDueDate: null, previousDueDate)!.Value;

    /// <summary>"March 2020": the month and year of the due date, as the council's documents name rounds.</summary>
    public static string DefaultLabel(DateOnly dueDate) => YearMonth.From(dueDate).ToString();

    /// <summary>Due within <see cref="DueSoonDays"/> days, or overdue.</summary>
    public static bool IsDueForUpdate(DateOnly dueDate, DateOnly today) => dueDate <= today.AddDays(DueSoonDays);
}
