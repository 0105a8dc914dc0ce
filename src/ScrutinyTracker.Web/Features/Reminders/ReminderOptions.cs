namespace ScrutinyTracker.Web.Features.Reminders;

/// <summary>The "Reminders" configuration section: when reminders, chasers and digests go out.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>False for an instance that sends no scheduled e-mail (the others still do).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before a round's due date that link officers with unfinished updates are reminded.</summary>
    public int[] DaysBefore { get; set; } = [14, 3];

    /// <summary>After the due date, a chaser every this many days; scrutiny officers are copied from the second.</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Days before the Executive's response is due that scrutiny officers are told.</summary>
    public int ExecutiveResponseDaysBefore { get; set; } = 14;

    /// <summary>The day scrutiny officers' weekly digest goes out.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How often each app instance looks for reminders due.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
