using System.Net;
using AngleSharp.Dom;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Rounds;

/// <summary>The "Due for update" list. Tests add reviews of their own, so each looks only at its own rows.</summary>
public sealed class DueForUpdateTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly YearMonth ThisMonth = YearMonth.From(DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));

    private async Task<IDocument> DueAsync()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
        return await client.GetDocumentAsync("/rounds/due");
    }

    private static IReadOnlyList<string> Rows(IDocument page, int table) =>
        page.QuerySelectorAll("main table")[table].QuerySelectorAll("tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()))).ToList();

    private static IReadOnlyList<string> Titles(IDocument page, int table) =>
        page.QuerySelectorAll("main table")[table].QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_demo_reviews_show_an_overdue_round_and_an_open_round_missing_updates_with_their_link_officer()
    {
        var page = await DueAsync();

        Rows(page, 0).ShouldContain(row => row.StartsWith("Hate Crime | 31 March 2021", StringComparison.Ordinal)
            && row.Contains("Overdue by") && row.Contains("| March 2020 | Marc Stephenson |"));
        Rows(page, 1).ShouldContain(row => row.StartsWith("Tackling Fly-tipping |", StringComparison.Ordinal) && row.Contains("| 4 | 0 | Marc Stephenson |"));
    }

    [Fact]
    public async Task Reviews_are_listed_from_30_days_before_their_next_round_is_due()
    {
        await app.AddReviewAsync("Due this month", ThisMonth.AddMonths(-12));
        await app.AddReviewAsync("Due in two months", ThisMonth.AddMonths(-10));
        await app.AddReviewAsync("Overdue but completed", ThisMonth.AddMonths(-30), r => r.Status = ReviewStatus.Completed);
        await app.AddReviewAsync("Overdue with a round open", ThisMonth.AddMonths(-30), r =>
            r.Rounds.Add(new Round { Label = "Open round", DueDate = ThisMonth.AddMonths(-18).LastDay }));

        var titles = Titles(await DueAsync(), 0);

        titles.ShouldContain("Due this month");
        titles.ShouldNotContain("Due in two months");
        titles.ShouldNotContain("Overdue but completed");
        titles.ShouldNotContain("Overdue with a round open");
    }

    [Fact]
    public async Task Open_rounds_are_listed_while_an_update_is_missing_or_returned()
    {
        foreach (var (title, status) in new[] { ("Waiting for a returned update", UpdateStatus.Returned), ("Everything submitted", UpdateStatus.Submitted) })
        {
            var round = new Round { Label = "Current", DueDate = ThisMonth.LastDay };
            var action = Action("Only action");
            action.Updates.Add(new ProgressUpdate { Round = round, Status = status });
            await app.AddReviewAsync(title, ThisMonth.AddMonths(-12), r =>
            {
                r.Rounds.Add(round);
                r.Recommendations.Add(Recommendation(1, "One", action));
            });
        }

        var page = await DueAsync();

        Rows(page, 1).ShouldContain(row => row.StartsWith("Waiting for a returned update | Current |", StringComparison.Ordinal) && row.Contains("| 0 | 1 |"));
        Titles(page, 1).ShouldNotContain("Everything submitted");
    }

    [Fact]
    public async Task Link_officers_do_not_get_the_list()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var response = await client.GetAsync("/rounds/due");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
