using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Rounds;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Rounds;

public sealed class RoundScheduleTests
{
    [Fact]
    public void The_first_round_is_due_at_the_end_of_the_month_12_months_after_the_plan_was_agreed()
    {
        RoundSchedule.NextDueDate(new YearMonth(2019, 3), previousDueDate: null).ShouldBe(new DateOnly(2020, 3, 31));
    }

    [Theory]
    [InlineData("2020-03-31", "2021-03-31")]
    [InlineData("2020-03-15", "2021-03-31")]
    [InlineData("2020-02-29", "2021-02-28")]
    [InlineData("2023-02-28", "2024-02-29")]
    public void A_later_round_is_due_12_months_after_the_previous_rounds_due_date(string previous, string expected)
    {
        RoundSchedule.NextDueDate(new YearMonth(2019, 3), DateOnly.Parse(previous)).ShouldBe(DateOnly.Parse(expected));
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
