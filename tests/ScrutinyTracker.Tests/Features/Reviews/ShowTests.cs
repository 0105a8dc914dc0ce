using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Reviews;

/// <summary>The review overview at /reviews/{id}: read-only; tests read the demo data or add reviews of their own.</summary>
public sealed class ShowTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<int> ReviewIdAsync(string title) => app.WithDbAsync(db => db.Reviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private Task<int> OpenRoundIdAsync(int reviewId) =>
        app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open).Select(r => r.Id).SingleAsync());

    private async Task<IDocument> OverviewAsync(string email, int reviewId)
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(email);
        return await client.GetDocumentAsync($"/reviews/{reviewId}");
    }

    private static IReadOnlyList<string> Links(IDocument page) =>
        page.QuerySelectorAll("main a, main .govuk-button").Select(a => a.GetAttribute("href") ?? "").ToList();

    [Fact]
    public async Task The_overview_summarises_the_review_its_stage_and_its_rounds()
    {
        var id = await ReviewIdAsync("Hate Crime");

        var page = await OverviewAsync(DemoUsers.CommitteeMemberEmail, id);

        page.TextOf("h1").ShouldBe("Hate Crime");
        var summary = page.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(row => row.QuerySelector("dt")!.TextContent.Trim(), row => Poppler.Squash(row.QuerySelector("dd")!.TextContent));
        summary["Select Committee"].ShouldBe("Crime and Disorder Select Committee");
        summary["Link officer/s"].ShouldBe("Marc Stephenson");
        summary["Report to the Executive"].ShouldBe("12 February 2019");
        summary["Executive responses"].ShouldBe("4 of 4 recorded");
        summary["Action plan agreed"].ShouldBe("March 2019");
        summary["Monitoring intervals"].ShouldBe("First update 12 months after the plan was agreed, then every 6 months (the Select Committee's)");
        summary["Stage"].ShouldBe("Monitoring next update overdue since 30 September 2020 Overdue");
        var rounds = page.QuerySelectorAll("main table tbody tr").Select(r => r.QuerySelectorAll("th, td").Take(4).Select(c => Poppler.Squash(c.TextContent)).ToList()).ToList();
        rounds.Count.ShouldBe(2);
        rounds[0].ShouldBe(["March 2020", "31 March 2020", "Considered by the committee on 15 April 2020", "16 of 16"]);
        rounds[1].ShouldBe(["September 2020", "30 September 2020", "Open", "0 of 4"]);
        Links(page).ShouldContain($"/reviews/{id}/plan");
        Links(page).ShouldContain($"/reviews/{id}/report");
        Links(page).ShouldContain($"/reviews/{id}/executive-responses");
    }

    [Fact]
    public async Task The_overview_shows_the_overdue_tag_the_dashboard_shows()
    {
        var id = await ReviewIdAsync("Hate Crime");

        var overview = await OverviewAsync(DemoUsers.CommitteeMemberEmail, id);
        var client = await app.SignedInAsync(DemoUsers.CommitteeMemberEmail);
        var dashboard = await client.GetDocumentAsync("/dashboard?year=2019");

        overview.QuerySelector("#review-life .govuk-tag--red")!.TextContent.ShouldBe("Overdue");
        var row = dashboard.QuerySelectorAll(".app-dashboard-table tbody tr").Single(r => r.QuerySelector("th a")!.TextContent == "Hate Crime");
        Poppler.Squash(row.QuerySelector(".app-review-life")!.TextContent).ShouldBe(Poppler.Squash(overview.QuerySelector("#review-life .app-review-life")!.TextContent));
    }

    [Fact]
    public async Task Officers_can_open_a_round_edit_and_complete_a_review_without_an_open_round()
    {
        var id = await app.AddReviewAsync("No round open", new(2019, 3), r =>
        {
            r.Recommendations.Add(TestReviews.Recommendation(1, "That it be done.", TestReviews.Action("Do it")));
            r.Rounds.Add(new Round { Label = "March 2020", DueDate = new(2020, 3, 31), Status = RoundStatus.Closed });
        });

        var links = Links(await OverviewAsync(DemoUsers.ScrutinyOfficerEmail, id));

        links.ShouldContain($"/reviews/{id}/rounds/open");
        links.ShouldContain($"/reviews/{id}/edit");
        links.ShouldContain($"/reviews/{id}/complete");
        links.ShouldContain($"/reviews/{id}/close-monitoring");
    }

    [Fact]
    public async Task Officers_fill_in_check_and_close_an_open_round_but_cannot_open_another()
    {
        var id = await ReviewIdAsync("Tackling Fly-tipping");
        var roundId = await OpenRoundIdAsync(id);

        var links = Links(await OverviewAsync(DemoUsers.AdministratorEmail, id));

        links.ShouldContain($"/rounds/{roundId}/updates");
        links.ShouldContain($"/rounds/{roundId}/check");
        links.ShouldContain($"/rounds/{roundId}/close");
        links.ShouldNotContain($"/reviews/{id}/rounds/open");
    }

    [Fact]
    public async Task The_reviews_link_officer_fills_in_updates_but_does_not_manage_the_review()
    {
        var id = await ReviewIdAsync("Tackling Fly-tipping");
        var roundId = await OpenRoundIdAsync(id);

        var links = Links(await OverviewAsync(DemoUsers.LinkOfficerEmail, id));

        links.ShouldContain($"/rounds/{roundId}/updates");
        links.ShouldNotContain($"/rounds/{roundId}/check");
        links.ShouldNotContain($"/rounds/{roundId}/close");
        links.ShouldNotContain($"/reviews/{id}/edit");
    }

    [Fact]
    public async Task Committee_members_read_but_neither_fill_in_nor_check_updates()
    {
        var id = await ReviewIdAsync("Tackling Fly-tipping");
        var roundId = await OpenRoundIdAsync(id);

        var links = Links(await OverviewAsync(DemoUsers.CommitteeMemberEmail, id));

        links.ShouldNotContain($"/rounds/{roundId}/updates");
        links.ShouldNotContain($"/rounds/{roundId}/check");
        links.ShouldNotContain($"/reviews/{id}/rounds/open");
    }

    [Fact]
    public async Task A_link_officer_of_other_reviews_gets_not_found_for_the_review_and_its_plan()
    {
        var id = await ReviewIdAsync("Hate Crime");
        await app.AddLinkOfficerAsync("Olu Adeyemi");
        var client = app.CreateBrowser();
        await client.SignInAsync("olu.adeyemi@example.gov.uk");

        (await client.GetAsync($"/reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var plan = await client.GetAsync($"/reviews/{id}/plan");
        plan.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await plan.Content.ReadAsStringAsync()).ShouldNotContain("Hate Crime");
    }

    [Fact]
    public async Task A_review_that_does_not_exist_is_not_found()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);

        (await client.GetAsync("/reviews/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/reviews/999999/plan")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_of_reviews_links_each_title_to_its_overview()
    {
        var id = await ReviewIdAsync("Hate Crime");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync("/");

        page.QuerySelectorAll("main tbody th a").Single(a => a.TextContent == "Hate Crime").GetAttribute("href").ShouldBe($"/reviews/{id}");
    }
}
