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

            // Corrected, the field keeps its error until the next submit (GOV.UK: validate on submit), so
            // nothing moves under the pointer while Save is pressed: the press that blurs the field is
            // the click that saves.
            await j.Page.GetByLabel("Recommendation").FillAsync("That the Council review its hate crime reporting centres every year.");
            var save = j.Page.GetByRole(AriaRole.Button, new() { Name = "Save recommendation" });
            await save.ScrollIntoViewIfNeededAsync();
            var released = (await save.BoundingBoxAsync())!;
            await j.Page.Mouse.MoveAsync(released.X + released.Width / 2, released.Y + released.Height / 2);
            await j.NextPageAsync(async () =>
            {
                await j.Page.Mouse.DownAsync();
                var pressed = (await save.BoundingBoxAsync())!;
                // A pressed GOV.UK button sinks by its 2 px shadow; a removed error message would move it 35 px.
                (pressed.Y - released.Y).ShouldBeInRange(0, 2, "the Save button moved between mousedown and mouseup");
                await Assertions.Expect(j.Page.Locator("#Text-error")).ToBeVisibleAsync();
                await j.Page.Mouse.UpAsync();
            });
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
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "Open rounds waiting for updates" }).GetByRole(AriaRole.Rowheader, new() { Name = "Tackling Fly-tipping" })).ToBeVisibleAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "Executive responses awaited" }).GetByRole(AriaRole.Rowheader, new() { Name = "Tackling Fly-tipping" })).ToBeVisibleAsync();
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
            // Progress was reported on 1a, so the plan offers no Delete for it; typing the address is refused.
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Link, new() { Name = "Delete recommendation 1a" })).ToHaveCountAsync(0);
            var editPart = await j.Page.GetByRole(AriaRole.Link, new() { Name = "Edit recommendation 1a" }).First.GetAttributeAsync("href");
            await j.GotoAsync(editPart!.Replace("/edit", "/delete"));
            await Assertions.Expect(j.Page.Locator(".govuk-warning-text")).ToContainTextAsync("progress has already been reported");

            await j.GotoAsync("/");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Hate Crime" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            // The demo's September 2020 follow-up round is open (opening rounds is the monitoring cycle's journey).
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Button, new() { Name = "Open a round" })).ToHaveCountAsync(0);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Close round September 2020" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.GotoAsync(new Uri(j.Page.Url).AbsolutePath.Replace("/close", "/check", StringComparison.Ordinal));
        });
    }
}
