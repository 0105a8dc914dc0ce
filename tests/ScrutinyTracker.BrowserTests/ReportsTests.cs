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
}
