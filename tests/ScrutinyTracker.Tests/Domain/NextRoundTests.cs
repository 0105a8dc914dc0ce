using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Domain;

public sealed class NextRoundTests
{
    private static readonly YearMonth March2019 = new(2019, 3);
    private static readonly MonitoringIntervals TwelveThenSix = MonitoringIntervals.Default;

    [Fact]
    public void With_no_round_yet_the_update_is_due_at_the_end_of_the_month_a_first_interval_after_the_plan_was_agreed()
    {
        NextRound.DueDate(March2019, null, null, TwelveThenSix).ShouldBe(new DateOnly(2020, 3, 31));
        NextRound.DueDate(March2019, null, null, new MonitoringIntervals(6, 6)).ShouldBe(new DateOnly(2019, 9, 30));
    }

    [Fact]
    public void While_a_round_is_open_the_update_is_due_on_its_due_date() =>
        NextRound.DueDate(March2019, new DateOnly(2020, 4, 15), new DateOnly(2020, 4, 15), TwelveThenSix).ShouldBe(new DateOnly(2020, 4, 15));

    [Theory]
    [InlineData(6, "2020-02-14", "2020-08-31")]
    [InlineData(6, "2020-03-31", "2020-09-30")]
    [InlineData(3, "2020-03-31", "2020-06-30")]
    [InlineData(12, "2020-02-29", "2021-02-28")]
    [InlineData(12, "2023-02-28", "2024-02-29")]
    public void After_a_round_the_next_is_due_at_the_end_of_the_month_a_follow_up_interval_after_it(int followUp, string last, string expected) =>
        NextRound.DueDate(March2019, null, DateOnly.Parse(last), new MonitoringIntervals(12, followUp)).ShouldBe(DateOnly.Parse(expected));

    [Fact]
    public void Nothing_is_due_while_the_plan_is_not_agreed() =>
        NextRound.DueDate(null, null, null, TwelveThenSix).ShouldBeNull();

    [Fact]
    public void A_review_overrides_its_committees_intervals_one_by_one() =>
        MonitoringIntervals.For(12, 6, reviewFirst: 3, reviewFollowUp: null).ShouldBe(new MonitoringIntervals(3, 6));

    [Theory]
    [InlineData("2020-03-30", true)]
    [InlineData("2020-03-31", false)]
    [InlineData("2020-04-01", false)]
    public void An_update_is_overdue_once_its_due_date_has_passed(string due, bool overdue) =>
        NextRound.IsOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2020, 3, 31)).ShouldBe(overdue);

    [Fact]
    public void Nothing_due_is_never_overdue() => NextRound.IsOverdue(null, new DateOnly(2020, 3, 31)).ShouldBeFalse();

    [Fact]
    public void The_Executive_responds_within_two_months_of_the_report() =>
        Monitoring.ExecutiveResponseDue(new DateOnly(2019, 2, 12)).ShouldBe(new DateOnly(2019, 4, 12));
}
