using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>When something is due, as a person would say it: "Overdue since 31 March 2021", "Due in 12 days".</summary>
public static class DueWording
{
    /// <summary>
    /// "Overdue since 31 March 2021", "Due today", "Due tomorrow", "Due in 12 days" — or with a subject,
    /// "next update overdue since 31 March 2021", "next update due 30 September 2026".
    /// </summary>
    public static string When(DateOnly due, DateOnly today, string? subject)
    {
        var days = due.DayNumber - today.DayNumber;
        if (subject is null)
        {
            return days switch
            {
                < 0 => $"overdue since {UkTime.Date(due)}",
                _ => $"due {UkTime.Date(due)}",
            };
        }

        return days < 0 ? $"{subject} overdue since {UkTime.Date(due)}" : $"{subject} due {UkTime.Date(due)}";
    }

    /// <summary>"Overdue since 31 March 2021", "Due today", "Due tomorrow", "Due in 12 days": beside a date already shown.</summary>
    public static string Relative(DateOnly due, DateOnly today)
    {
        var days = due.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => $"Overdue since {UkTime.Date(due)}",
            0 => "Due today",
            1 => "Due tomorrow",
            _ => $"Due in {days} days",
        };
    }
}
