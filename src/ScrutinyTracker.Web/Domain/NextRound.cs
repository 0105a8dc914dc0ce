namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// When a review's next progress update is due. Updates are asked for about 12 months after the
/// Select Committee agreed the action plan, then every 12 months until the review is completed:
/// <list type="bullet">
/// <item>a completed review has no next update;</item>
/// <item>while a round is open, the update is due on that round's due date;</item>
/// <item>otherwise at the end of the month 12 months after the last round's due date
/// (last round due 31 March 2020: next due 31 March 2021);</item>
/// <item>with no round yet, at the end of the month 12 months after the plan was agreed
/// (plan agreed March 2019: due 31 March 2020).</item>
/// </list>
/// </summary>
public static class NextRound
{
    public const int MonthsBetweenUpdates = 12;

    public static DateOnly? DueDate(ReviewStatus status, YearMonth actionPlanAgreed, DateOnly? openRoundDueDate, DateOnly? lastRoundDueDate)
    {
        if (status == ReviewStatus.Completed)
        {
            return null;
        }

        if (openRoundDueDate is { } open)
        {
            return open;
        }

        var from = lastRoundDueDate is { } last ? YearMonth.From(last) : actionPlanAgreed;
        return from.AddMonths(MonthsBetweenUpdates).LastDay;
    }

    /// <summary>Overdue once the due date has passed; an update due today is not yet overdue.</summary>
    public static bool IsOverdue(DateOnly? dueDate, DateOnly today) => dueDate < today;
}
