namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// When a review's next progress update is due, by its <see cref="MonitoringIntervals"/>:
/// <list type="bullet">
/// <item>while a round is open, on that round's due date;</item>
/// <item>otherwise at the end of the month a follow-up interval after the last round's due date
/// (last round due 31 March 2020, every 6 months: next due 30 September 2020);</item>
/// <item>with no round yet, at the end of the month a first interval after the plan was agreed
/// (plan agreed March 2019, after 12 months: due 31 March 2020);</item>
/// <item>nothing while the plan is not agreed. Whether monitoring has ended (completed, closed) is
/// <see cref="ReviewLife"/>'s to say.</item>
/// </list>
/// </summary>
public static class NextRound
{
    public static DateOnly? DueDate(YearMonth? actionPlanAgreed, DateOnly? openRoundDueDate, DateOnly? lastRoundDueDate, MonitoringIntervals intervals)
    {
        if (openRoundDueDate is { } open)
        {
            return open;
        }

        if (lastRoundDueDate is { } last)
        {
            return YearMonth.From(last).AddMonths(intervals.FollowUpMonths).LastDay;
        }

        return actionPlanAgreed?.AddMonths(intervals.FirstUpdateMonths).LastDay;
    }

    /// <summary>Overdue once the due date has passed; an update due today is not yet overdue.</summary>
    public static bool IsOverdue(DateOnly? dueDate, DateOnly today) => dueDate < today;
}
