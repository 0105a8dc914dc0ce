using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Xunit.Abstractions;

namespace ScrutinyTracker.BrowserTests;

/// <summary>
/// Every page each role can reach by following links, at 1280 px and at 320 px (WCAG 2.2 Reflow): no
/// sideways scrolling, no serious or critical axe-core violations, targets of at least 24 × 24 px.
/// </summary>
public sealed class EveryPageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string[]> Roles => new()
    {
        { DemoUsers.AdministratorEmail, ["/users/{userId}/edit", "/reviews/{reviewId:int}/plan/actions/{actionId:int}/edit", "/rounds/{roundId:int}/check", "/users/{userId}/sessions"] },
        {
            DemoUsers.ScrutinyOfficerEmail,
            [
                "/rounds/due", "/reviews/{reviewId:int}/plan", "/actions/{actionId:int}/history", "/committee-packs",
                "/reviews/{reviewId:int}/executive-responses", "/reviews/{reviewId:int}/close-monitoring",
                "/reviews/{reviewId:int}/recommendations/{recommendationId:int}/close-monitoring", "/select-committees/{committeeId:int}/intervals",
                "/imports/word",
            ]
        },
        { DemoUsers.LinkOfficerEmail, ["/my-updates", "/rounds/{roundId:int}/updates", "/reviews/{reviewId:int}/report"] },
        { DemoUsers.CommitteeMemberEmail, ["/dashboard", "/reviews/{reviewId:int}/report", "/reviews/{reviewId:int}/history", "/public", "/public/reviews/{reviewId:int}"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_reachable_by_links_reflows_at_320_px_and_passes_axe_at_both_widths(string email, string[] mustReach)
    {
        await ArrangeAnOpenRoundInEveryStateAsync();

        // The search boxes (the header's, and the public list's) are forms: their results are crawled from too.
        var crawled = await new SiteCrawler(browser, $"crawl-{email.Split('@')[0]}").CrawlAsync(email, alsoFrom: ["/search?q=fly+tipping", "/public/search?q=fly+tipping"]);

        foreach (var page in crawled)
        {
            output.WriteLine($"{page.Path} ({page.Route}): {(page.Problems.Count == 0 ? "fine" : string.Join(" | ", page.Problems))}");
        }

        mustReach.Append("/search").Append("/public/search").ShouldBeSubsetOf(crawled.Select(p => p.Route).ToList(), "the crawl must get to these pages by links");
        var problems = crawled.SelectMany(p => p.Problems.Select(problem => $"{p.Path} {problem}")).ToList();
        problems.ShouldBeEmpty($"{crawled.Count} pages crawled as {email}; these have problems:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_layout_checks_name_a_page_that_scrolls_sideways_and_targets_that_are_too_small()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <body style="margin: 0">
              <p>A <a href="#a">link in a sentence</a> may be small.</p>
              <div id="wide" style="width: 600px">wide</div>
              <p><button style="font-size: 10px; padding: 0">Edit</button><button style="font-size: 10px; padding: 0">Delete</button></p>
              <p><button style="font-size: 10px; padding: 0; margin-left: 100px">Spaced</button></p>
            </body>
            """);

        var problems = await LayoutChecks.ProblemsAsync(page);

        problems.Count.ShouldBe(2, string.Join("\n", problems));
        problems[0].ShouldStartWith("scrolls sideways: 600 px wide in a 320 px window; too wide: div#wide (600 px wide");
        // Edit's 24 px circle reaches Delete, which touches it; Delete's centre is far enough from Edit.
        problems[1].ShouldMatch(@"^target ""Edit"" is \d+ × \d+ px and too close to ""Delete""$");
    }

    /// <summary>
    /// The demo Fly-tipping round with one update of each state (submitted, returned with a comment,
    /// accepted, draft), so that the crawl meets every kind of page the round has; the review is published.
    /// </summary>
    private Task ArrangeAnOpenRoundInEveryStateAsync() => browser.App.WithDbAsync(async db =>
    {
        // Published, so that the public pages of a review with updates in every state are crawled too.
        var review = await db.Reviews.SingleAsync(r => r.Title == FlyTippingRound.ReviewTitle);
        review.PublishedAtUtc ??= DateTime.UtcNow;
        await db.SaveChangesAsync();

        var updates = await db.ProgressUpdates
            .Where(u => u.Round!.Review!.Title == FlyTippingRound.ReviewTitle && u.Round.Status == RoundStatus.Open)
            .OrderBy(u => u.PlanAction!.Recommendation!.Position)
            .ThenBy(u => u.PlanAction!.Part == null ? -1 : u.PlanAction.Part.Position)
            .ThenBy(u => u.PlanAction!.Position)
            .ToListAsync();
        if (updates.Any(u => u.Status != UpdateStatus.Draft))
        {
            return;
        }

        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var officer = await db.Users.SingleAsync(u => u.Email == DemoUsers.ScrutinyOfficerEmail);
        var now = DateTime.UtcNow;
        UpdateStatus[] states = [UpdateStatus.Submitted, UpdateStatus.Returned, UpdateStatus.Accepted];
        foreach (var (update, (state, answer)) in updates.Zip(states.Zip(FlyTippingRound.Answers)))
        {
            update.Evidence = answer.Evidence;
            update.Grade = answer.Grade;
            update.Explanation = answer.Explanation;
            update.Status = state;
            update.UpdatedById = update.SubmittedById = linkOfficer.Id;
            update.UpdatedAtUtc = update.SubmittedAtUtc = now;
            if (state != UpdateStatus.Submitted)
            {
                update.ReviewedById = officer.Id;
                update.ReviewedAtUtc = now;
                update.ReturnComment = state == UpdateStatus.Returned ? "Please say how many residents the campaign reached." : null;
            }
        }

        await db.SaveChangesAsync();
    });
}
