using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.BrowserTests;

/// <summary>
/// What a phone and a narrow window show, beyond what <see cref="EveryPageTests"/> checks on every
/// page: the report's actions one after another, tags inside their cells, lists that stay tables, and
/// the navigation.
/// </summary>
public sealed class ReflowTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Grade tags of the document that stick out of the table cell or list value holding them, as "tag text (right edge > box's right edge)".</summary>
    private const string SpillingTagsScript = """
        () => [...document.querySelectorAll('.app-report .app-grade')]
          .filter(tag => tag.getClientRects().length > 0)
          .map(tag => ({ tag, box: tag.closest('td, dd, th') }))
          .filter(({ tag, box }) => tag.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5)
          .map(({ tag, box }) => `${tag.innerText} (${Math.round(tag.getBoundingClientRect().right)} > ${Math.round(box.getBoundingClientRect().right)})`)
        """;

    private Task<int> HateCrimeIdAsync() =>
        browser.App.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task On_a_phone_the_report_shows_each_action_after_the_other_and_its_grade_inside_the_page()
    {
        var id = await HateCrimeIdAsync();
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.Page.SetViewportSizeAsync(320, 640);
            await j.SignInAsync(DemoUsers.CommitteeMemberEmail);
            await j.GotoAsync($"/reviews/{id}/report");

            await Assertions.Expect(j.Page.Locator("table.app-report-table")).ToHaveCountAsync(10);
            (await j.Page.Locator("table.app-report-table:visible").CountAsync()).ShouldBe(0, "the side-by-side tables give way on a phone");
            var partB = j.Page.GetByRole(AriaRole.Heading, new() { Name = "b) encouraging reporting through:", Level = 4 });
            await Assertions.Expect(partB).ToBeVisibleAsync();
            var firstAction = j.Page.GetByRole(AriaRole.Heading, new() { Name = "Greater publicity for successful prosecutions", Level = 5 });
            await Assertions.Expect(firstAction).ToBeVisibleAsync();
            var card = j.Page.Locator(".app-action-card", new() { Has = firstAction });
            string[] labels = ["Responsibility:", "Date:", "Agreed Action:", "Agreed Success Measure:", "Evidence of Progress (March 2020):", "Assessment of Progress (March 2020):"];
            await Assertions.Expect(card.Locator("dt")).ToHaveTextAsync(labels.Select(l => new Regex("^\\s*" + Regex.Escape(l))));
            await Assertions.Expect(card.Locator(".app-grade")).ToHaveTextAsync("1 Fully Achieved");
            (await j.Page.EvaluateAsync<string[]>(SpillingTagsScript)).ShouldBeEmpty("grade tags drawn over their neighbours");
        });
    }

    [Fact]
    public async Task In_a_narrow_window_the_reports_tables_keep_every_grade_tag_inside_its_cell()
    {
        var id = await HateCrimeIdAsync();
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            // Just above the phone layout, four actions side by side have the narrowest columns.
            await j.Page.SetViewportSizeAsync(660, 800);
            await j.SignInAsync(DemoUsers.CommitteeMemberEmail);
            await j.GotoAsync($"/reviews/{id}/report");

            (await j.Page.Locator("table.app-report-table:visible").CountAsync()).ShouldBe(10);
            (await j.Page.EvaluateAsync<string[]>(SpillingTagsScript)).ShouldBeEmpty("grade tags drawn over their neighbours");
            (await j.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue();
        });
    }

    [Fact]
    public async Task The_round_form_does_not_scroll_sideways_with_a_long_action_heading_at_either_width()
    {
        // Each action's fieldset has a visually hidden legend naming it, which GOV.UK lays out as a
        // table as wide as its text: this heading made the page 1,600 px wide even at 1280 px.
        var heading = string.Join(' ', Enumerable.Repeat("Households in private rented flats above shops", 4));
        var round = await browser.App.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Recommendation!.Review!.Title == FlyTippingRound.ReviewTitle && a.Heading == "Households");
            action.Heading = heading;
            await db.SaveChangesAsync();
            return await db.Rounds.Where(r => r.Review!.Title == FlyTippingRound.ReviewTitle).Select(r => r.Id).SingleAsync();
        });
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync(DemoUsers.LinkOfficerEmail);
            foreach (var width in new[] { 1280, 320 })
            {
                await j.Page.SetViewportSizeAsync(width, 800);
                await j.GotoAsync($"/rounds/{round}/updates");
                await Assertions.Expect(j.Page.GetByRole(AriaRole.Group, new() { Name = $"Your update for Recommendation 2a ({heading})" })).ToBeVisibleAsync();
                (await LayoutChecks.ProblemsAsync(j.Page)).ShouldBeEmpty($"at {width} px");
            }
        });
    }

    [Fact]
    public async Task On_a_phone_a_list_of_reviews_is_still_a_table_to_a_screen_reader()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.Page.SetViewportSizeAsync(320, 640);
            await j.SignInAsync(DemoUsers.CommitteeMemberEmail);

            var reviews = j.Page.GetByRole(AriaRole.Table, new() { Name = "Reviews, 2 in all" });
            var row = reviews.GetByRole(AriaRole.Row, new() { Name = "Hate Crime" });
            await Assertions.Expect(row.GetByRole(AriaRole.Rowheader, new() { Name = "Hate Crime" })).ToBeVisibleAsync();
            await Assertions.Expect(row.GetByRole(AriaRole.Cell, new() { Name = "Crime and Disorder Select Committee", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(reviews.GetByRole(AriaRole.Columnheader, new() { Name = "Select Committee" })).ToBeAttachedAsync();
        });
    }

    [Fact]
    public async Task At_1280_px_an_administrators_navigation_and_account_fit_on_one_line()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.Page.SetViewportSizeAsync(1280, 800);
            await j.SignInAsync(DemoUsers.AdministratorEmail);

            var tops = await j.Page.EvaluateAsync<JsonElement>("""
                () => [...document.querySelectorAll('.govuk-service-navigation__service-name, .govuk-service-navigation__item, .app-user-nav')]
                  .map(e => ({ name: e.innerText.replace(/\s+/g, ' ').trim(), top: Math.round(e.getBoundingClientRect().top) }))
                """);
            var items = tops.EnumerateArray().Select(t => (Name: t.GetProperty("name").GetString(), Top: t.GetProperty("top").GetInt32())).ToList();
            items.Count.ShouldBe(7, "service name, five items and the account");
            items.ShouldAllBe(i => Math.Abs(i.Top - items[0].Top) <= 2, string.Join(", ", items.Select(i => $"{i.Name} at {i.Top}")));
        });
    }

    [Fact]
    public async Task The_check_page_links_back_to_its_review_and_sits_in_the_reviews_section()
    {
        var round = await browser.App.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == FlyTippingRound.ReviewTitle).Select(r => r.Id).SingleAsync());
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
            await j.GotoAsync($"/rounds/{round}/check");

            var menu = j.Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Reviews" })).ToHaveAttributeAsync("aria-current", "true");
            await Assertions.Expect(menu.Locator("[aria-current]")).ToHaveCountAsync(1);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Back to {FlyTippingRound.ReviewTitle}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = FlyTippingRound.ReviewTitle, Level = 1 })).ToBeVisibleAsync();
        });
    }
}
