using System.Net;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Reviews;

public sealed class IndexTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Home_page_lists_the_seeded_reviews()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync("/");

        var titles = page.QuerySelectorAll("main table tbody th").Select(th => th.TextContent.Trim()).ToList();
        titles.ShouldBe(["Hate Crime", "Tackling Fly-tipping"]);
        page.QuerySelector("main table")!.TextContent.ShouldContain("March 2019");
        page.QuerySelector("main table")!.TextContent.ShouldContain("Marc Stephenson");
        page.TextOf(".app-user-nav__name").ShouldBe("Signed in as Chris Councillor");
    }

    [Fact]
    public async Task A_link_officers_home_page_starts_with_their_open_rounds()
    {
        var client = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        var page = await client.GetDocumentAsync("/");

        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        headings.ShouldBe(["Your open rounds", "Your reviews"]);
        // Hate Crime's September 2020 follow-up (the 4 actions not signed off) and Fly-tipping's first round.
        var rounds = page.QuerySelectorAll("main ul.govuk-list a");
        rounds.Select(r => r.TextContent).ShouldBe(["Hate Crime: September 2020", $"Tackling Fly-tipping: {YearMonth.From(DateOnly.FromDateTime(DateTime.UtcNow))}"], ignoreOrder: true);
        foreach (var round in rounds)
        {
            round.GetAttribute("href")!.ShouldMatch(@"^/rounds/\d+/updates$");
            round.ParentElement!.TextContent.ShouldContain("0 of 4 actions done.");
        }
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/my-updates");
    }

    [Fact]
    public async Task Only_a_link_officer_gets_open_rounds_on_the_home_page()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var page = await client.GetDocumentAsync("/");

        page.QuerySelectorAll("main h2").ShouldBeEmpty();
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain("/my-updates");
    }

    [Fact]
    public async Task Home_page_asks_an_anonymous_visitor_to_sign_in()
    {
        var response = await app.CreateBrowser().GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/account/sign-in");
    }

    [Fact]
    public async Task Health_check_answers_without_signing_in()
    {
        var response = await app.CreateBrowser().GetAsync("/health");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Pages_forbid_framing_and_content_sniffing()
    {
        var response = await app.CreateBrowser().GetAsync("/account/sign-in");

        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }
}
