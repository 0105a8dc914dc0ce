using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>The app with a 20-minute session (warning 2 minutes before) and a clock the journey can move on.</summary>
public sealed class ShortSessionFixture : BrowserFixture
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan WarningBefore = TimeSpan.FromMinutes(2);

    public ShortSessionFixture()
        : this(new ShiftableClock())
    {
    }

    private ShortSessionFixture(ShiftableClock clock)
        : base(new AppServer(builder =>
        {
            builder.UseSetting("Session:IdleTimeout", IdleTimeout.ToString());
            builder.UseSetting("Session:WarningBefore", WarningBefore.ToString());
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        })) => Clock = clock;

    public ShiftableClock Clock { get; }

    /// <summary>Time passes for the app and the browser alike, at once.</summary>
    public async Task TimePassesAsync(IPage page, TimeSpan by)
    {
        Clock.MoveOn(by);
        await page.Clock.FastForwardAsync((long)by.TotalMilliseconds);
    }
}

/// <summary>
/// Journey 5: the link officer's session ends while they type. Nothing typed is lost: the background
/// save says they were signed out, the page signs them out when the time is up, and after signing in
/// again the round form has their text back, saying so, and saves it. Before the end, the timeout
/// warning offers "Stay signed in", which extends the session.
/// </summary>
public sealed class LinkOfficerSessionEndsWhileTyping(ShortSessionFixture browser) : IClassFixture<ShortSessionFixture>
{
    private const string LinkOfficer = "link.officer@example.gov.uk";
    private const string Typed = "Six new cameras are in place.\nReports fell by a third.";

    private async Task OpenTheRoundFormAsync(Journey j)
    {
        await j.Page.Clock.InstallAsync();
        await j.SignInAsync(LinkOfficer);
        await j.Page.GetByRole(AriaRole.Link, new() { Name = "My updates" }).ClickAsync();
        await j.CheckAccessibilityAsync();
        await j.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{FlyTippingRound.ReviewTitle}") }).ClickAsync();
        await j.CheckAccessibilityAsync();
    }

    private Task<string> StoredEvidenceAsync() => browser.App.WithDbAsync(db => db.ProgressUpdates
        .Where(u => u.Round!.Review!.Title == FlyTippingRound.ReviewTitle && u.Round.Status == RoundStatus.Open)
        .OrderBy(u => u.PlanAction!.Recommendation!.Position).ThenBy(u => u.PlanAction!.Position)
        .Select(u => u.Evidence).FirstAsync());

    [Fact]
    public async Task Text_typed_when_the_session_has_ended_is_kept_and_saved_after_signing_in_again()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await OpenTheRoundFormAsync(j);
            var first = FlyTippingRound.Block(j.Page, 0);

            // The session ends on the server (the laptop slept, say); then the link officer types.
            browser.Clock.MoveOn(ShortSessionFixture.IdleTimeout + TimeSpan.FromMinutes(1));
            await FlyTippingRound.EvidenceField(first).FillAsync(Typed);
            await Assertions.Expect(first.Locator("[data-save-status]")).ToContainTextAsync(
                "Not saved: you have been signed out. What you typed is kept in this browser tab.", new() { Timeout = 15_000 });
            await Assertions.Expect(first.Locator("[data-save-status]").GetByRole(AriaRole.Link, new() { Name = "Sign in again" })).ToBeVisibleAsync();
            (await StoredEvidenceAsync()).ShouldBe("");

            // The page's own count reaches the end too: it signs the user out and offers to sign in again.
            await j.Page.Clock.FastForwardAsync((long)(ShortSessionFixture.IdleTimeout + TimeSpan.FromMinutes(1)).TotalMilliseconds);
            await j.Page.WaitForURLAsync(new Regex("/account/sign-in\\?timedOut=true"));
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("we signed you out because you had not used ScrutinyTracker for 20 minutes");

            await j.Page.GetByLabel("Email address").FillAsync(LinkOfficer);
            await j.Page.GetByLabel("Password").FillAsync(ScrutinyTracker.Web.Data.Seed.DemoUsers.Password);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await j.CheckAccessibilityAsync();

            j.Page.Url.ShouldEndWith("/updates", Case.Insensitive, "signing in returns to the round form, not to a POST address");
            var kept = j.Page.Locator("[data-kept-answers]");
            await Assertions.Expect(kept).ToContainTextAsync("We kept what you typed");
            await Assertions.Expect(kept).ToContainTextAsync("Your answers to Recommendation 1 had not been saved");
            await Assertions.Expect(kept).ToBeFocusedAsync();
            first = FlyTippingRound.Block(j.Page, 0);
            (await FlyTippingRound.EvidenceField(first).InputValueAsync()).ShouldBe(Typed);
            await j.CheckAccessibilityAsync();

            await first.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save") }).ClickAsync();
            await Assertions.Expect(first.Locator("[data-save-status]")).ToHaveTextAsync(new Regex(@"^Saved at \d\d:\d\d$"), new() { Timeout = 15_000 });
            (await StoredEvidenceAsync()).ShouldBe(Typed);
            (await j.Page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('scrutinytracker.round-form.')).length")).ShouldBe(0);
        });
    }

    [Fact]
    public async Task The_timeout_warning_appears_before_the_end_and_staying_signed_in_extends_the_session()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await OpenTheRoundFormAsync(j);
            var dialog = j.Page.GetByRole(AriaRole.Dialog, new() { Name = "You’re about to be signed out" });
            var stay = dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" });

            await browser.TimePassesAsync(j.Page, ShortSessionFixture.IdleTimeout - TimeSpan.FromSeconds(90));
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await Assertions.Expect(dialog).ToContainTextAsync("For your security, we will sign you out in 2 minutes.");
            await Assertions.Expect(stay).ToBeFocusedAsync();
            await j.CheckAccessibilityAsync();

            await stay.ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync();

            // Past the end the session had before: still signed in, and no warning yet.
            await browser.TimePassesAsync(j.Page, TimeSpan.FromMinutes(5));
            await Assertions.Expect(dialog).ToBeHiddenAsync();
            await j.Page.ReloadAsync();
            await j.CheckAccessibilityAsync();
            j.Page.Url.ShouldEndWith("/updates", Case.Insensitive);

            // Escape in the warning also means "Stay signed in".
            await browser.TimePassesAsync(j.Page, TimeSpan.FromMinutes(14));
            await Assertions.Expect(dialog).ToBeVisibleAsync();
            await j.Page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(dialog).ToBeHiddenAsync();
            await browser.TimePassesAsync(j.Page, TimeSpan.FromMinutes(5));
            await j.Page.ReloadAsync();
            await j.CheckAccessibilityAsync();
            j.Page.Url.ShouldEndWith("/updates", Case.Insensitive);
        });
    }
}
