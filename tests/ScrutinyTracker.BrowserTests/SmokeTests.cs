using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>The pages every user meets first, in a real browser: they work and pass the accessibility checks.</summary>
public sealed class SmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Signing_in_shows_the_reviews_and_the_administrators_pages_are_accessible()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("admin@example.gov.uk");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "Scrutiny reviews" })).ToBeVisibleAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Rowheader, new() { Name = "Hate Crime" })).ToBeVisibleAsync();

            await j.GotoAsync("/users");
            await j.GotoAsync("/users/new");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        });
    }

    [Fact]
    public async Task A_wrong_password_shows_an_accessible_error_summary()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("admin@example.gov.uk", "wrong password here");
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a correct email address and password");
        });
    }

    [Fact]
    public async Task The_accessibility_check_fails_a_page_with_an_unlabelled_input()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.GotoAsync("/account/sign-in");
        await journey.Page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text id=unlabelled>')");

        var error = await Should.ThrowAsync<AccessibilityException>(journey.CheckAccessibilityAsync);

        error.Message.ShouldContain("label");
    }

    [Fact]
    public async Task The_browser_refuses_an_injected_inline_script_and_the_journey_fails_on_it()
    {
        await using var journey = await Journey.StartAsync(browser);

        var error = await Should.ThrowAsync<ContentSecurityPolicyException>(() => journey.RunAsync(async j =>
        {
            await j.GotoAsync("/account/sign-in");
            await j.Page.EvaluateAsync("() => document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.injected = 1\">')");
            await j.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 2'; document.body.append(s) }");
            await j.Page.WaitForFunctionAsync("() => document.readyState === 'complete'");
            (await j.Page.EvaluateAsync<bool>("() => window.injected === undefined")).ShouldBeTrue("neither injected script ran");
            (await j.Page.EvaluateAsync<bool>("() => document.body.classList.contains('govuk-frontend-supported')")).ShouldBeTrue("the layout's own script ran");
        }));

        error.Message.ShouldContain("violates the following Content Security Policy directive");
    }
}
