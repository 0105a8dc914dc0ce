using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>The public pages in a real browser, beyond the crawl of every page (EveryPageTests).</summary>
public sealed class PublicPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// The browser keeps a public page and revalidates it; the page it kept must still run its scripts
    /// under the policy the 304 brings (decision 0019).
    /// </summary>
    [Fact]
    public async Task A_public_page_the_browser_kept_runs_its_scripts_after_a_304()
    {
        var reviewId = await browser.App.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Title == "Hate Crime");
            review.PublishedAtUtc ??= DateTime.UtcNow;
            await db.SaveChangesAsync();
            return review.Id;
        });

        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            var first = await j.Page.GotoAsync(j.Url($"/public/reviews/{reviewId}"));
            await j.CheckAccessibilityAsync();
            var kept = await j.Page.ReloadAsync();
            await j.CheckAccessibilityAsync();

            // Playwright reports the kept page as 200; what crossed the wire was a 304 with no body. The
            // layout's scripts are files, which 'self' allows whatever response they came with.
            (await kept!.Request.HeaderValueAsync("if-none-match")).ShouldBe(await first!.HeaderValueAsync("etag"));
            (await kept.Request.SizesAsync()).ResponseBodySize.ShouldBe(0, "the server answered 304");

            (await j.Page.EvaluateAsync<bool>("() => document.body.classList.contains('js-enabled') && document.body.classList.contains('govuk-frontend-supported')"))
                .ShouldBeTrue("the layout's script ran on the kept page");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "Hate Crime: progress update", Level = 1 })).ToBeVisibleAsync();
        });
    }
}
