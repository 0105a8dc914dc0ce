using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// Journey 4: journey 1 with the keyboard alone. No clicks and no filling of fields by the test: only
/// key presses, with every step checked against document.activeElement and every Tab stop's focus visible.
/// </summary>
public sealed class LinkOfficerFillsInTheRoundByKeyboard(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_link_officer_fills_in_and_submits_the_round_with_the_keyboard_alone()
    {
        await using var journey = await Journey.StartAsync(browser);
        var keys = new KeyboardUser(journey.Page);
        await journey.RunAsync(async j =>
        {
            var page = j.Page;
            await j.GotoAsync("/account/sign-in");
            await keys.TabToAsync(page.GetByLabel("Email address"));
            await keys.TypeAsync("link.officer@example.gov.uk");
            await keys.TabAsync();
            await keys.ShouldBeOnAsync(page.GetByLabel("Password"));
            await keys.TypeAsync(ScrutinyTracker.Web.Data.Seed.DemoUsers.Password);
            await j.NextPageAsync(() => keys.PressAsync("Enter"));

            await keys.TabToAsync(page.GetByRole(AriaRole.Link, new() { Name = "My updates" }));
            await j.NextPageAsync(() => keys.PressAsync("Enter"));
            await keys.TabToAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{FlyTippingRound.ReviewTitle}") }));
            await j.NextPageAsync(() => keys.PressAsync("Enter"));

            await keys.ShouldReachEveryControlAsync(page.Locator("[data-round-form]"));

            // Back up to the first action, then answer every action, but leave the last one's evidence out.
            var last = FlyTippingRound.Answers.Count - 1;
            await keys.TabToAsync(FlyTippingRound.EvidenceField(FlyTippingRound.Block(page, 0)), backwards: true);
            for (var i = 0; i < FlyTippingRound.Answers.Count; i++)
            {
                var (block, answer) = (FlyTippingRound.Block(page, i), FlyTippingRound.Answers[i]);
                await keys.TabToAsync(FlyTippingRound.EvidenceField(block));
                if (i != last)
                {
                    await keys.TypeAsync(answer.Evidence);
                }

                await keys.TabAsync();
                await keys.PressAsync("Space");
                for (var grade = 1; grade < (int)answer.Grade; grade++)
                {
                    await keys.PressAsync("ArrowDown");
                }

                await keys.ShouldBeOnAsync(FlyTippingRound.GradeRadio(block, answer));
                await Assertions.Expect(FlyTippingRound.GradeRadio(block, answer)).ToBeCheckedAsync();
            }

            await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }));
            await j.NextPageAsync(() => keys.PressAsync("Enter"));
            var errors = page.Locator(".govuk-error-summary");
            await keys.ShouldBeOnAsync(errors);
            const string missing = "Enter the Evidence of Progress for Recommendation 2b";
            await Assertions.Expect(errors).ToContainTextAsync(missing);

            // The error's link leads to the field; Tab from there goes on to the chosen grade.
            var lastBlock = FlyTippingRound.Block(page, last);
            await keys.TabAsync();
            await keys.ShouldBeOnAsync(errors.GetByRole(AriaRole.Link, new() { Name = missing }));
            await keys.PressAsync("Enter");
            await keys.ShouldBeOnAsync(FlyTippingRound.EvidenceField(lastBlock));
            await keys.TypeAsync(FlyTippingRound.Answers[last].Evidence);
            await keys.TabAsync();
            await keys.ShouldBeOnAsync(FlyTippingRound.GradeRadio(lastBlock, FlyTippingRound.Answers[last]));

            // The explanation is optional; the link officer gives one for the slipped action all the same.
            var first = FlyTippingRound.Block(page, 0);
            await keys.TabToAsync(FlyTippingRound.ExplanationField(first), backwards: true);
            await keys.TypeAsync(FlyTippingRound.Answers[0].Explanation!);

            await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save all as draft" }));
            await j.NextPageAsync(() => keys.PressAsync("Space"));
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your answers have been saved as a draft.");
            await page.ReloadAsync();
            await j.CheckAccessibilityAsync();
            await FlyTippingRound.ShouldShowTheAnswersAsync(page);

            await keys.TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }));
            await j.NextPageAsync(() => keys.PressAsync("Enter"));
            await Assertions.Expect(page.Locator(".govuk-notification-banner"))
                .ToContainTextAsync(new Regex($"Your .+ updates for {FlyTippingRound.ReviewTitle} have been sent to the scrutiny officer."));
        });
    }
}
