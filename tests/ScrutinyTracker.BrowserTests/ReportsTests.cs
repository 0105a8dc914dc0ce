using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>The committee member's pages, in a real browser: dashboard, graded report and history pass the accessibility checks.</summary>
public sealed class ReportsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_committee_member_goes_from_the_dashboard_to_the_report_and_its_history()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("committee.member@example.gov.uk");
            await j.GotoAsync("/dashboard");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Img, new() { Name = "Grades: 12 Fully Achieved, 2 On-Track, 1 Slipped, 1 Not Achieved, 0 not graded" })).ToBeVisibleAsync();

            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Hate Crime" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "SCRUTINY MONITORING – PROGRESS UPDATE", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "Recommendation 1b: agreed actions and progress" })
                .GetByRole(AriaRole.Columnheader, new() { Name = "Greater publicity for successful prosecutions" })).ToBeAttachedAsync();

            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Grades of every action, round by round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Rowheader, new() { Name = "1a (Frontline staff)" })).ToBeVisibleAsync();
        });
    }

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
