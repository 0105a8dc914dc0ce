using Microsoft.Playwright;
using ScrutinyTracker.Web.Infrastructure.Pdf;

namespace ScrutinyTracker.Tests.Infrastructure.Pdf;

/// <summary>
/// The pool of reused pages (docs/decisions/0004): one document per page at a time, nothing of one
/// document left for the next, and a crash costs nothing but a new page.
/// Needs Chromium at /usr/bin/chromium and poppler-utils; fails without them.
/// </summary>
public sealed class PdfPagePoolTests(PdfEngineFixture engine) : IClassFixture<PdfEngineFixture>
{
    private static PdfDocument Numbered(int n) => new(
        PdfEngineFixture.Html($"Document {n}", $"<h1>Document {n}</h1><p>Only document {n} says {Marker(n)}.</p>"),
        $"Document {n}");

    private static string Marker(int n) => $"marker-{n:000}-end";

    [Fact]
    public async Task The_pool_never_lends_a_page_to_two_documents_at_once()
    {
        var two = engine.EngineWith(new PdfOptions { MaxConcurrentDocuments = 2 });
        var first = await two.Pool.TryLendAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        var second = await two.Pool.TryLendAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        (await two.Pool.TryLendAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None)).ShouldBeNull("both pages are lent");
        var firstPage = await first!.OpenAsync(CancellationToken.None);
        var secondPage = await second!.OpenAsync(CancellationToken.None);
        secondPage.Page.ShouldNotBeSameAs(firstPage.Page);
        await first.ReturnAsync(reusable: true);
        var third = await two.Pool.TryLendAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        (await third!.OpenAsync(CancellationToken.None)).Page.ShouldBeSameAs(firstPage.Page, "the page given back is lent again");
        await second.ReturnAsync(reusable: true);
        await third.ReturnAsync(reusable: true);
        two.Pool.Lent.ShouldBe(0);
    }

    [Fact]
    public async Task Many_documents_at_once_each_print_only_their_own_content()
    {
        var two = engine.EngineWith(new PdfOptions { MaxConcurrentDocuments = 2 });
        var browser = await engine.Host.GetBrowserAsync();
        var pagesBefore = OpenPages(browser)!.Value;

        var rendering = Task.WhenAll(Enumerable.Range(1, 12).Select(n => two.Renderer.RenderAsync(Numbered(n))));
        var mostLent = 0;
        var mostPages = 0;
        while (!rendering.IsCompleted)
        {
            mostLent = Math.Max(mostLent, two.Pool.Lent);
            mostPages = Math.Max(mostPages, (OpenPages(browser) ?? pagesBefore) - pagesBefore);
            await Task.Delay(2);
        }

        var pdfs = await rendering;
        mostLent.ShouldBeLessThanOrEqualTo(2);
        mostPages.ShouldBeLessThanOrEqualTo(2, "two pages, reused");
        for (var n = 1; n <= 12; n++)
        {
            var text = await Poppler.TextAsync(pdfs[n - 1]);
            text.ShouldContain($"Only document {n} says {Marker(n)}.");
            Enumerable.Range(1, 12).Where(other => other != n).ShouldAllBe(other => !text.Contains(Marker(other)));
        }
    }

    /// <summary>
    /// Pages open in the browser now, or null when the count raced Playwright's own thread adding a context
    /// or page (its lists are not made to be read from another thread; that sample is skipped).
    /// </summary>
    private static int? OpenPages(IBrowser browser)
    {
        try
        {
            return browser.Contexts.Sum(c => c.Pages.Count);
        }
        catch (Exception exception) when (exception is NullReferenceException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    [Fact]
    public async Task A_page_goes_back_to_about_blank_and_is_reused_until_its_context_is_recycled()
    {
        var one = engine.EngineWith(new PdfOptions { MaxConcurrentDocuments = 1, DocumentsPerContext = 3 });
        var pages = new List<IPage>();
        for (var n = 1; n <= 3; n++)
        {
            (await Poppler.TextAsync(await one.Renderer.RenderAsync(Numbered(n)))).ShouldContain(Marker(n));
            await one.AllPagesBackAsync();
            if (n == 3)
            {
                one.Pool.Idle.ShouldBe(0, "after three documents the page's context is closed, to be made again when needed");
                pages[0].IsClosed.ShouldBeTrue();
                break;
            }

            one.Pool.Idle.ShouldBe(1);
            var lease = await one.Pool.TryLendAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            var page = (await lease!.OpenAsync(CancellationToken.None)).Page;
            page.Url.ShouldBe("about:blank");
            (await page.ContentAsync()).ShouldNotContain(Marker(n));
            pages.Add(page);
            await lease.ReturnAsync(reusable: true);
        }

        pages[1].ShouldBeSameAs(pages[0], "the page is reused");
    }
}
