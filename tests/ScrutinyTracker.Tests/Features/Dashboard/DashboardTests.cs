using System.Globalization;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Dashboard;

/// <summary>
/// The demo reviews plus 28 generated ones ("Generated review 01"…), agreed in 2022–2024 across the
/// Select Committees, with mixed grades: 30 reviews in all, so two pages. Review 07 is completed;
/// review 13 has no link officer.
/// </summary>
public sealed class DashboardAppFactory : ScrutinyAppFactory, IAsyncLifetime
{
    public const int Generated = 28;

    public async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            var committees = await db.SelectCommittees.OrderBy(c => c.Id).ToListAsync();
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            Grade?[][] gradings =
            [
                [Grade.FullyAchieved, Grade.OnTrack],
                [Grade.Slipped, Grade.NotAchieved, null],
                [Grade.FullyAchieved, Grade.FullyAchieved, Grade.FullyAchieved, Grade.OnTrack],
                [],
            ];
            for (var i = 1; i <= Generated; i++)
            {
                var review = GeneratedReviews.Small(
                    $"Generated review {i:00}", committees[i % committees.Count], new YearMonth(2022 + i % 3, 1 + i % 12), linkOfficer.Id, gradings[i % gradings.Length]);
                review.Status = i == 7 ? ReviewStatus.Completed : ReviewStatus.Monitoring;
                if (i == 13)
                {
                    review.LinkOfficers.Clear();
                }

                db.Reviews.Add(review);
            }

            await db.SaveChangesAsync();
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class DashboardTests(DashboardAppFactory app) : IClassFixture<DashboardAppFactory>
{
    private async Task<IDocument> DashboardAsync(string query = "", string email = DemoUsers.CommitteeMemberEmail)
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(email);
        return await client.GetDocumentAsync("/dashboard" + query);
    }

    private static List<IElement> Rows(IDocument page) => [.. page.QuerySelectorAll("main table.app-dashboard-table tbody tr")];

    // Columns: Select Committee, Action plan agreed, Latest round, Grades, Fully achieved, Committee, Trend, Stage.
    private const int Committee = 0, Agreed = 1, LatestRound = 2, Grades = 3, FullyAchieved = 4, Decisions = 5, Trend = 6, Stage = 7;

    private static string Cell(IElement row, int column) => Poppler.Squash(row.QuerySelectorAll("td")[column].TextContent);

    private static List<string> Titles(IDocument page) => Rows(page).Select(r => r.QuerySelector("th a")!.TextContent.Trim()).ToList();

    [Fact]
    public async Task Hate_Crime_shows_its_committee_round_grades_sign_offs_trend_and_overdue_stage()
    {
        var page = await DashboardAsync("?year=2019");

        var row = Rows(page).ShouldHaveSingleItem();
        row.QuerySelector("th a")!.TextContent.ShouldBe("Hate Crime");
        Cell(row, Committee).ShouldBe("Crime and Disorder Select Committee");
        Cell(row, Agreed).ShouldBe("March 2019");
        Cell(row, LatestRound).ShouldBe("September 2020 Open");
        var bar = row.QuerySelector(".app-grade-bar svg[role=img]")!;
        bar.GetAttribute("aria-label").ShouldBe("Grades: 12 Fully Achieved, 2 On-Track, 1 Slipped, 1 Not Achieved, 0 not graded");
        bar.QuerySelectorAll("rect").Length.ShouldBe(4);
        row.QuerySelectorAll("td")[Grades].QuerySelectorAll(".app-grade-bar__key-item").Select(i => i.TextContent.Trim())
            .ShouldBe(["12 Fully Achieved", "2 On-Track", "1 Slipped", "1 Not Achieved"], "the key says the grades in words, and 'not graded' only when some are");
        Cell(row, FullyAchieved).ShouldBe("75%");
        Cell(row, Decisions).ShouldBe("12 signed off, 0 awaiting");
        row.QuerySelectorAll("td")[Trend].QuerySelector("svg[role=img]")!.GetAttribute("aria-label")
            .ShouldBe("Grades by round: March 2020: 12 Fully Achieved, 2 On-Track, 1 Slipped, 1 Not Achieved");
        row.QuerySelectorAll("td")[Trend].QuerySelector("a")!.GetAttribute("href").ShouldEndWith("/history#trend");
        Cell(row, Stage).ShouldBe("Monitoring next update overdue since 30 September 2020 Overdue");
    }

    [Fact]
    public async Task The_totals_count_signed_off_awaiting_committee_and_each_grade_of_the_matching_reviews()
    {
        var page = await DashboardAsync("?year=2019");

        page.QuerySelectorAll("#dashboard-totals tbody td").Select(td => td.TextContent.Trim()).ShouldBe(["12", "0", "12", "2", "1", "1", "0"]);
    }

    [Fact]
    public async Task A_review_with_an_open_round_is_due_on_that_rounds_due_date()
    {
        var page = await DashboardAsync("?year=" + (DateTime.Today.Year - 1) + "&committee=" + await CommitteeIdAsync("Place Select Committee"));

        var row = Rows(page).Single(r => r.QuerySelector("th a")!.TextContent == "Tackling Fly-tipping");
        var dueDate = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Tackling Fly-tipping").Select(r => r.DueDate).SingleAsync());
        Cell(row, Stage).ShouldContain("next update due " + dueDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));
        Cell(row, Stage).ShouldContain("Executive response overdue since");
        Cell(row, LatestRound).ShouldContain("Open");
        Cell(row, Grades).ShouldContain("4 not graded");
    }

    [Fact]
    public async Task More_than_25_reviews_are_shown_25_to_a_page()
    {
        var first = await DashboardAsync();
        var second = await DashboardAsync("?page=2");

        Rows(first).Count.ShouldBe(25);
        first.TextOf("#dashboard-count").ShouldBe($"Showing 1 to 25 of {DashboardAppFactory.Generated + 2} reviews.");
        first.QuerySelector("nav.govuk-pagination a[rel=next]")!.GetAttribute("href").ShouldBe("/dashboard?page=2");
        Rows(second).Count.ShouldBe(DashboardAppFactory.Generated + 2 - 25);
        Titles(first).Concat(Titles(second)).Distinct().Count().ShouldBe(DashboardAppFactory.Generated + 2);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_committee_stage_and_year()
    {
        var placeId = await CommitteeIdAsync("Place Select Committee");

        var byCommittee = await DashboardAsync($"?committee={placeId}");
        var completed = await DashboardAsync("?stage=completed");
        var in2023 = await DashboardAsync("?year=2023");

        Rows(byCommittee).ShouldNotBeEmpty();
        Rows(byCommittee).ShouldAllBe(r => Cell(r, Committee) == "Place Select Committee");
        byCommittee.QuerySelector($"select#committee option[value='{placeId}']")!.HasAttribute("selected").ShouldBeTrue();
        Titles(completed).ShouldBe(["Generated review 07"]);
        Rows(in2023).ShouldNotBeEmpty();
        Rows(in2023).ShouldAllBe(r => Cell(r, Agreed).EndsWith("2023"));
    }

    [Fact]
    public async Task Sorting_by_percentage_fully_achieved_puts_the_lowest_first_and_reviews_without_actions_last()
    {
        var page = await DashboardAsync("?sort=achieved&page=1");
        var lastPage = await DashboardAsync("?sort=achieved&page=2");

        var percentages = Rows(page).Concat(Rows(lastPage)).Select(r => Cell(r, FullyAchieved)).ToList();
        var numbers = percentages.TakeWhile(p => p != "—").Select(p => int.Parse(p.TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        numbers.ShouldBe(numbers.Order().ToList());
        numbers.First().ShouldBe(0);
        percentages.SkipWhile(p => p != "—").ShouldAllBe(p => p == "—");
        percentages.ShouldContain("—");
    }

    [Fact]
    public async Task Sorting_by_due_date_puts_the_soonest_first_and_completed_reviews_last()
    {
        var pages = new[] { await DashboardAsync("?sort=due-date"), await DashboardAsync("?sort=due-date&page=2") };

        var stages = pages.SelectMany(Rows).Select(r => Cell(r, Stage)).ToList();
        var dates = stages.TakeWhile(c => c.Contains(" due ", StringComparison.Ordinal) || c.Contains("overdue since", StringComparison.Ordinal))
            .Select(c => System.Text.RegularExpressions.Regex.Match(c, @"(?:due|since) (\d{1,2} \w+ \d{4})").Groups[1].Value)
            .Select(d => DateOnly.ParseExact(d, "d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")))
            .ToList();
        dates.Count.ShouldBeGreaterThan(20);
        dates.ShouldBe(dates.Order().ToList());
        stages.Last().ShouldBe("Completed");
    }

    [Fact]
    public async Task Sorting_by_title_is_the_default()
    {
        var page = await DashboardAsync();

        Titles(page).ShouldBe(Titles(page).Order(StringComparer.OrdinalIgnoreCase).ToList());
        page.QuerySelector("select#sort option[selected]")!.GetAttribute("value").ShouldBe("title");
    }

    [Fact]
    public async Task Link_officers_see_only_their_own_reviews()
    {
        var page = await DashboardAsync(email: DemoUsers.LinkOfficerEmail);

        page.TextOf("#dashboard-count").ShouldEndWith($"of {DashboardAppFactory.Generated + 1} reviews.");
        var all = Titles(page).Concat(Titles(await DashboardAsync("?page=2", DemoUsers.LinkOfficerEmail)));
        all.ShouldNotContain("Generated review 13");
    }

    private Task<int> CommitteeIdAsync(string name) =>
        app.WithDbAsync(db => db.SelectCommittees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
}
