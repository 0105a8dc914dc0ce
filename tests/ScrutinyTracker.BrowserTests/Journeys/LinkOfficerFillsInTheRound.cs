using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// Journey 1: the link officer fills in the open round of the second demo review, saves a draft that
/// keeps what was typed, and submits it to the scrutiny officer.
/// </summary>
public sealed class LinkOfficerFillsInTheRound(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_link_officer_fills_in_the_round_saves_a_draft_that_keeps_the_text_and_submits_it()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("link.officer@example.gov.uk");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "My updates" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{FlyTippingRound.ReviewTitle}") }).ClickAsync();
            await j.CheckAccessibilityAsync();

            // With JavaScript, an action is saved in the background three seconds after typing stops.
            var first = FlyTippingRound.Block(j.Page, 0);
            var slipped = FlyTippingRound.Answers[0];
            await FlyTippingRound.EvidenceField(first).FillAsync(slipped.Evidence);
            await FlyTippingRound.GradeRadio(first, slipped).CheckAsync();
            await Assertions.Expect(first.Locator("[data-save-status]")).ToHaveTextAsync(new Regex(@"^Saved at \d\d:\d\d$"), new() { Timeout = 15_000 });

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            var errors = j.Page.Locator(".govuk-error-summary");
            await Assertions.Expect(errors).ToBeFocusedAsync();
            await Assertions.Expect(errors).ToContainTextAsync("Enter the Evidence of Progress for Recommendation 2a (Households)");
            await Assertions.Expect(errors).Not.ToContainTextAsync("Recommendation 1", new() { UseInnerText = true });

            // The draft must be kept by the whole form's "Save all as draft" alone: background saves are stopped.
            await j.Page.RouteAsync("**/rounds/*/updates/*", route =>
                route.Request.Headers.ContainsKey("x-requested-with") ? route.AbortAsync() : route.ContinueAsync());
            for (var i = 0; i < FlyTippingRound.Answers.Count; i++)
            {
                var (block, answer) = (FlyTippingRound.Block(j.Page, i), FlyTippingRound.Answers[i]);
                await FlyTippingRound.EvidenceField(block).FillAsync(answer.Evidence);
                await FlyTippingRound.GradeRadio(block, answer).CheckAsync();
                await FlyTippingRound.ExplanationField(block).FillAsync(answer.Explanation ?? "");
            }

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save all as draft" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your answers have been saved as a draft.");

            await j.Page.ReloadAsync();
            await j.CheckAccessibilityAsync();
            await FlyTippingRound.ShouldShowTheAnswersAsync(j.Page);

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner"))
                .ToContainTextAsync(new Regex($"Your .+ updates for {FlyTippingRound.ReviewTitle} have been sent to the scrutiny officer."));
            await Assertions.Expect(j.Page.Locator("main .govuk-tag", new() { HasText = "Submitted" })).ToHaveCountAsync(FlyTippingRound.Answers.Count);
            var submitted = FlyTippingRound.Block(j.Page, 1).Locator(".govuk-summary-list__row").Filter(new() { HasText = "Evidence of Progress" }).Locator("dd");
            (await submitted.InnerTextAsync()).ShouldBe(FlyTippingRound.Answers[1].Evidence);
        });
    }
}
