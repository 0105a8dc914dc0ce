namespace ScrutinyTracker.Web.Features.Reminders;

/// <summary>
/// Which reminder is due on a day. Only the latest one applies: an app that was stopped for a fortnight
/// sends one chaser when it starts, not two, and a round opened three days before its due date gets no
/// "14 days" reminder on top of its "round opened" e-mail.
/// </summary>
public static class ReminderSchedule
{
    public const string OverduePrefix = "Overdue";

    /// <summary>"DueIn14", "DueIn3", "Overdue1" (the day after the due date), "Overdue2" (7 days later)…, or null.</summary>
    public static string? RoundReminder(DateOnly due, DateOnly opened, DateOnly today, IReadOnlyCollection<int> daysBefore, int overdueEveryDays)
    {
        if (today > due)
        {
            return OverduePrefix + ChaserNumber(due, today, overdueEveryDays);
        }

        foreach (var days in daysBefore.Where(d => d > 0).Order())
        {
            var day = due.AddDays(-days);
            if (today >= day)
            {
                return opened < day ? $"DueIn{days}" : null;
            }
        }

        return null;
    }

    /// <summary>1 from the day after the due date, 2 from <paramref name="everyDays"/> days later, and so on.</summary>
    public static int ChaserNumber(DateOnly due, DateOnly today, int everyDays) =>
        (today.DayNumber - due.DayNumber - 1) / Math.Max(everyDays, 1) + 1;

    /// <summary>Scrutiny officers are told of an overdue round from the second chaser on.</summary>
    public static bool CopiesScrutinyOfficers(string kind) =>
        kind.StartsWith(OverduePrefix, StringComparison.Ordinal) && int.Parse(kind[OverduePrefix.Length..]) >= 2;

    /// <summary>"ExecutiveResponseDue" from <paramref name="daysBefore"/> days before the due date, "ExecutiveResponseOverdue" after it.</summary>
    public static string? ExecutiveResponseReminder(DateOnly due, DateOnly today, int daysBefore) =>
        today > due ? "ExecutiveResponseOverdue"
        : today >= due.AddDays(-daysBefore) ? "ExecutiveResponseDue"
        : null;

    /// <summary>The digest day this week's digest belongs to: the latest <paramref name="digestDay"/> on or before today.</summary>
    public static DateOnly DigestWeek(DateOnly today, DayOfWeek digestDay) =>
        today.AddDays(-(((int)today.DayOfWeek - (int)digestDay + 7) % 7));
}
