using Microsoft.Playwright;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>
/// One reused page of the <see cref="PdfPagePool"/>, alone in a browser context of its own: JavaScript
/// off, offline, every request refused. A document's HTML replaces the page's content, is printed, and
/// the page is emptied again, still at about:blank (docs/decisions/0004 says why that is enough).
/// </summary>
internal sealed class PooledPage
{
    private static readonly BrowserNewContextOptions IsolatedContext = new()
    {
        JavaScriptEnabled = false,
        Offline = true,
        Locale = "en-GB",
    };

    private const string EmptyDocument = "<!DOCTYPE html><html lang=\"en-GB\"><head><title></title></head><body></body></html>";

    private bool _crashed;

    private PooledPage(IBrowser browser, IBrowserContext context, IPage page)
    {
        Browser = browser;
        Context = context;
        Page = page;
        page.Crash += (_, _) => _crashed = true;
    }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Documents printed in this page's context so far.</summary>
    public int Printed { get; private set; }

    /// <summary>The page can print again: its browser is the app's current one and nothing has crashed or closed.</summary>
    public bool IsUsableWith(IBrowser current) => ReferenceEquals(Browser, current) && Browser.IsConnected && !Page.IsClosed && !_crashed;

    public static async Task<PooledPage> OpenAsync(IBrowser browser, TimeSpan timeout)
    {
        var context = await browser.NewContextAsync(IsolatedContext);
        try
        {
            await context.RouteAsync("**/*", route => route.AbortAsync());
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
            return new PooledPage(browser, context, page);
        }
        catch
        {
            await CloseQuietlyAsync(context);
            throw;
        }
    }

    public async Task<byte[]> PrintAsync(string html, PagePdfOptions print)
    {
        Printed++;
        await Page.SetContentAsync(html);
        return await Page.PdfAsync(print);
    }

    /// <summary>
    /// Leaves nothing of the last document in the page: its content replaced by an empty document, the
    /// page still at about:blank (it never leaves it). Not a navigation to about:blank: Chromium gives
    /// a navigated page a new renderer, and printing in a cold renderer costs about 200 ms more
    /// (measured: a third fewer PDFs per second, docs/benchmarks.md).
    /// </summary>
    public async Task<bool> TryResetAsync()
    {
        try
        {
            await Page.SetContentAsync(EmptyDocument);
            return !_crashed && Page.Url == "about:blank";
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }

    public Task CloseAsync() => CloseQuietlyAsync(Context);

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // Its browser has gone already, and the context with it.
        }
    }
}
