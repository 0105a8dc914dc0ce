using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Domain;

public sealed class YearMonthTests
{
    [Theory]
    [InlineData("March 2019", 2019, 3)]
    [InlineData("October 2019", 2019, 10)]
    [InlineData("Sept 2019", 2019, 9)]
    [InlineData("Report back in December 2019 to the group", 2019, 12)]
    public void FindIn_reads_the_month_of_a_free_text_date(string text, int year, int month) =>
        YearMonth.FindIn(text).ShouldBe(new YearMonth(year, month));

    [Theory]
    [InlineData("Reviewed throughout the year 2019")]
    [InlineData("Ongoing")]
    [InlineData("")]
    [InlineData(null)]
    public void FindIn_finds_no_month_where_the_text_names_none(string? text) =>
        YearMonth.FindIn(text).ShouldBeNull();

    [Fact]
    public void A_month_reads_as_the_council_writes_it() =>
        new YearMonth(2019, 3).ToString().ShouldBe("March 2019");

    [Fact]
    public void Twelve_months_after_March_2019_is_March_2020() =>
        new YearMonth(2019, 3).AddMonths(12).ShouldBe(new YearMonth(2020, 3));

    [Theory]
    [InlineData("March 2020", true)]
    [InlineData(" march 2020 ", true)]
    [InlineData("March", false)]
    [InlineData("Spring 2020", false)]
    public void TryParse_accepts_only_a_month_and_a_year(string text, bool ok) =>
        YearMonth.TryParse(text, out _).ShouldBe(ok);

    [Fact]
    public void Months_order_by_year_then_month() =>
        (new YearMonth(2019, 12) < new YearMonth(2020, 1)).ShouldBeTrue();
}
