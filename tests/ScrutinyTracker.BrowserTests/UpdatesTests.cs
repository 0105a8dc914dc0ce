using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>The March evidence round in a real browser: the link officer's form with background saving, and the scrutiny officer's check.</summary>
public sealed class UpdatesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_link_officer_fills_in_the_round_and_the_scrutiny_officer_returns_one_update_and_accepts_the_rest()
    {
        string roundUrl = "";
        await using (var linkOfficer = await Journey.StartAsync(browser))
        {
            await linkOfficer.RunAsync(async j =>
            {
                await j.SignInAsync("link.officer@example.gov.uk");
                await j.GotoAsync("/my-updates");
                await j.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Tackling Fly-tipping") }).ClickAsync();
                await j.CheckAccessibilityAsync();
                roundUrl = new Uri(j.Page.Url).AbsolutePath;

                var first = j.Page.Locator("[data-update]").First;
                await first.GetByLabel(new Regex("^Evidence of Progress")).FillAsync("Two cameras bought.\nDeployment starts in May.");
                await first.GetByLabel("3 – Slipped").CheckAsync();
                await Assertions.Expect(first.Locator("[data-save-status]")).ToHaveTextAsync(new Regex(@"^Saved at \d\d:\d\d$"));

                await j.Page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }).ClickAsync();
                await j.CheckAccessibilityAsync();
                await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
                await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Explain why Recommendation 1 is graded 3 – Slipped");

                await first.GetByLabel("Explanation").FillAsync("The supplier was late.");
                foreach (var block in (await j.Page.Locator("[data-update]").AllAsync()).Skip(1))
                {
                    await block.GetByLabel(new Regex("^Evidence of Progress")).FillAsync("Done.");
                    await block.GetByLabel("1 – Fully Achieved").CheckAsync();
                }

                await j.Page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }).ClickAsync();
                await j.CheckAccessibilityAsync();
                await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("have been sent to the scrutiny officer");
            });
        }

        var roundId = roundUrl.Split('/')[2];
        await using var officer = await Journey.StartAsync(browser);
        await officer.RunAsync(async j =>
        {
            await j.SignInAsync("scrutiny.officer@example.gov.uk");
            await j.GotoAsync($"/rounds/{roundId}/check");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Return Recommendation 1 to the link officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Return update" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what the link officer should change");

            await j.Page.GetByLabel("What should the link officer change?").FillAsync("Say when the cameras will be deployed.");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Return update" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Accept all 3 submitted updates" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("3 updates accepted.");

            await j.Page.GetByRole(AriaRole.Link, new() { Name = "History of Recommendation 1" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Say when the cameras will be deployed.");
        });
    }
}
