using ScrutinyTracker.Web.Features.Rounds;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Rounds;

public sealed class RoundScheduleTests
{
    [Theory]
    [InlineData("2021-03-31", "2021-03-01", "2021-03-31")]
    [InlineData("2021-03-31", "2021-03-31", "2021-03-31")]
    [InlineData("2021-03-31", "2021-04-01", "2021-04-30")]
    [InlineData("2021-03-31", "2026-11-24", "2026-11-30")]
    public void A_round_is_proposed_for_its_scheduled_date_while_that_is_ahead_otherwise_for_this_month(string scheduled, string today, string proposed)
    {
        RoundSchedule.ProposedDueDate(DateOnly.Parse(scheduled), DateOnly.Parse(today)).ShouldBe(DateOnly.Parse(proposed));
    }

    [Theory]
    [InlineData("2020-03-31", "March 2020")]
    [InlineData("2026-11-01", "November 2026")]
    public void A_round_is_named_after_the_month_and_year_it_is_due(string dueDate, string label)
    {
        RoundSchedule.DefaultLabel(DateOnly.Parse(dueDate)).ShouldBe(label);
    }

    [Theory]
    [InlineData("2021-03-31", "2021-03-01", true)]
    [InlineData("2021-03-31", "2021-04-15", true)]
    [InlineData("2021-03-31", "2021-03-31", true)]
    [InlineData("2021-03-31", "2021-02-28", false)]
    public void A_round_is_due_for_update_within_30_days_of_its_due_date_or_once_overdue(string dueDate, string today, bool due)
    {
        RoundSchedule.IsDueForUpdate(DateOnly.Parse(dueDate), DateOnly.Parse(today)).ShouldBe(due);
    }
}
