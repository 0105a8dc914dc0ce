using Microsoft.Playwright;
using ScrutinyTracker.Web.Infrastructure.Pdf;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// The limit the app is measured against: Playwright alone, with the app's Chromium, launch flags and
/// print options, printing the same HTML on pages that are simply reused (no pool, no reset, no HTTP,
/// no database, no Razor). Each page has a context of its own with JavaScript off and every request refused.
/// </summary>
public sealed class BarePlaywright : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IPage> _pages;
    private readonly SemaphoreSlim _free;
    private readonly Stack<IPage> _idle;

    private BarePlaywright(IPlaywright playwright, IBrowser browser, List<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        _pages = pages;
        _free = new SemaphoreSlim(pages.Count, pages.Count);
        _idle = new Stack<IPage>(pages);
    }

    public static async Task<BarePlaywright> StartAsync(int pages)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = new PdfOptions().BrowserPath,
            Headless = true,
            Args = ChromiumHost.LaunchFlags,
        });
        var opened = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Offline = true, Locale = "en-GB" });
            await context.RouteAsync("**/*", route => route.AbortAsync());
            opened.Add(await context.NewPageAsync());
        }

        return new BarePlaywright(playwright, browser, opened);
    }

    /// <summary>Prints on the first free page (waiting for one when all are busy).</summary>
    public async Task<byte[]> PrintAsync(string html, string footer)
    {
        await _free.WaitAsync();
        IPage page;
        lock (_idle)
        {
            page = _idle.Pop();
        }

        try
        {
            await page.SetContentAsync(html);
            return await page.PdfAsync(PdfRenderer.PrintOptions(footer));
        }
        finally
        {
            lock (_idle)
            {
                _idle.Push(page);
            }

            _free.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
