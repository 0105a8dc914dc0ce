using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>
/// When a review's rounds fall due: about 12 months after the Select Committee agreed the action
/// plan, then every 12 months after the previous round.
/// </summary>
public static class RoundSchedule
{
    /// <summary>A round is listed as due for update this many days before its due date.</summary>
    public const int DueSoonDays = 30;

    /// <summary>The last day of the month 12 months after the plan was agreed, or after the previous round's due date.</summary>
    public static DateOnly NextDueDate(YearMonth actionPlanAgreed, DateOnly? previousDueDate) =>
        (previousDueDate is { } previous ? YearMonth.From(previous) : actionPlanAgreed).AddMonths(12).LastDay;

    /// <summary>"March 2020": the month and year of the due date, as the council's documents name rounds.</summary>
    public static string DefaultLabel(DateOnly dueDate) => YearMonth.From(dueDate).ToString();

    /// <summary>Due within <see cref="DueSoonDays"/> days, or overdue.</summary>
    public static bool IsDueForUpdate(DateOnly dueDate, DateOnly today) => dueDate <= today.AddDays(DueSoonDays);
}
