using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>A scrutiny officer's pages for reviews, action plans and rounds, in a real browser: they work, validate before posting and pass the accessibility checks.</summary>
public sealed class PlansTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_officer_adds_a_recommendation_and_the_browser_checks_the_form_before_posting_it()
    {
        await using var journey = await Journey.StartAsync(browser);
        var posts = 0;
        journey.Page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("scrutiny.officer@example.gov.uk");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Hate Crime" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Action plan" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "a) targeted awareness raising and promotion of the support available for:" })
                .GetByRole(AriaRole.Columnheader, new() { Name = "Frontline staff" })).ToBeVisibleAsync();

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Add a recommendation" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            posts = 0;
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save recommendation" }).ClickAsync();

            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the recommendation");
            await Assertions.Expect(j.Page.Locator("#Text-error")).ToBeVisibleAsync();
            await Assertions.Expect(j.Page.Locator("#Text-error")).ToHaveTextAsync("Error: Enter the recommendation");
            await Assertions.Expect(j.Page.Locator("#Text")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-textarea--error"));
            posts.ShouldBe(0, "the browser refuses the empty form without asking the server");
            await j.CheckAccessibilityAsync();

            await j.Page.GetByLabel("Recommendation").FillAsync("That the Council review its hate crime reporting centres every year.");
            await j.Page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(j.Page.Locator("#Text-error")).ToBeHiddenAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save recommendation" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation 5" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task An_officers_review_action_and_round_pages_are_accessible()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("admin@example.gov.uk");
            await j.GotoAsync("/rounds/due");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Rowheader, new() { Name = "Tackling Fly-tipping" })).ToBeVisibleAsync();
            await j.GotoAsync("/select-committees");
            await j.GotoAsync("/reviews/new");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Add review" }).ClickAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the title of the review");
            await j.CheckAccessibilityAsync();

            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Hate Crime" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Action plan" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Edit action 1a (Frontline staff)" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the action plan" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Delete recommendation 1a" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-warning-text")).ToContainTextAsync("progress has already been reported");

            await j.GotoAsync("/");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Hate Crime" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open a round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("The March 2021 round is open: 4 updates to fill in.");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Close round March 2021" }).ClickAsync();
            await j.CheckAccessibilityAsync();
        });
    }
}
