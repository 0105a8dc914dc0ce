using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>Reports in a real browser beyond the committee member's journey (Journeys/CommitteeMemberReadsTheReports).</summary>
public sealed class ReportsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_scrutiny_officer_includes_drafts_in_a_report()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("scrutiny.officer@example.gov.uk");
            await j.GotoAsync("/dashboard");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Tackling Fly-tipping" }).ClickAsync();
            await j.CheckAccessibilityAsync();

            await j.Page.GetByLabel("Include updates not yet accepted (marked Draft)").CheckAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".app-draft-tag").First).ToHaveTextAsync("Draft");
        });
    }

    [Fact]
    public async Task On_a_phone_a_link_to_an_action_opens_the_report_at_the_actions_card()
    {
        // The Hate Crime document's last action, seven A4 pages down: a search result links to it so.
        var (reviewId, actionId) = await browser.App.WithDbAsync(async db =>
        {
            var review = await db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync();
            var last = await db.PlanActions.Where(a => a.Recommendation!.ReviewId == review)
                .OrderByDescending(a => a.Recommendation!.Position).ThenByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
            return (review, last);
        });

        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.Page.SetViewportSizeAsync(320, 640);
            await j.SignInAsync("committee.member@example.gov.uk");
            await j.GotoAsync($"/reviews/{reviewId}/report#action-{actionId}");

            await Assertions.Expect(j.Page.Locator($"#action-{actionId}")).ToBeHiddenAsync();
            await Assertions.Expect(j.Page.Locator($"#action-{actionId}-card")).ToBeInViewportAsync();
            (await j.Page.EvaluateAsync<double>("window.scrollY")).ShouldBeGreaterThan(0);
        });
    }
}
