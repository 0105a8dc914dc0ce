using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Domain;

public sealed class NextRoundTests
{
    private static readonly YearMonth March2019 = new(2019, 3);

    [Fact]
    public void With_no_round_yet_the_update_is_due_at_the_end_of_the_month_12_months_after_the_plan_was_agreed() =>
        NextRound.DueDate(ReviewStatus.Monitoring, March2019, null, null).ShouldBe(new DateOnly(2020, 3, 31));

    [Fact]
    public void While_a_round_is_open_the_update_is_due_on_its_due_date() =>
        NextRound.DueDate(ReviewStatus.Monitoring, March2019, new DateOnly(2020, 4, 15), new DateOnly(2020, 4, 15)).ShouldBe(new DateOnly(2020, 4, 15));

    [Fact]
    public void After_a_closed_round_the_next_is_due_at_the_end_of_the_month_12_months_after_it() =>
        NextRound.DueDate(ReviewStatus.Monitoring, March2019, null, new DateOnly(2020, 2, 14)).ShouldBe(new DateOnly(2021, 2, 28));

    [Fact]
    public void A_completed_review_has_no_next_update() =>
        NextRound.DueDate(ReviewStatus.Completed, March2019, new DateOnly(2020, 3, 31), null).ShouldBeNull();

    [Theory]
    [InlineData("2020-03-30", true)]
    [InlineData("2020-03-31", false)]
    [InlineData("2020-04-01", false)]
    public void An_update_is_overdue_once_its_due_date_has_passed(string due, bool overdue) =>
        NextRound.IsOverdue(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2020, 3, 31)).ShouldBe(overdue);

    [Fact]
    public void Nothing_due_is_never_overdue() => NextRound.IsOverdue(null, new DateOnly(2020, 3, 31)).ShouldBeFalse();
}
