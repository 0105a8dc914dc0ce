using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>
/// At most Pdf:MaxConcurrentDocuments reused pages, each in its own isolated browser context and lent
/// to one document at a time. A page is emptied after each document; its context is
/// closed and made again after Pdf:DocumentsPerContext documents, after any error, and when Chromium
/// has been started again.
/// </summary>
public sealed class PdfPagePool(ChromiumHost chromium, IOptions<PdfOptions> options, ILogger<PdfPagePool> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _free = new(options.Value.MaxConcurrentDocuments, options.Value.MaxConcurrentDocuments);
    private readonly ConcurrentStack<PooledPage> _idle = new();
    private int _lent;

    /// <summary>Pages lent to documents right now (a page is lent until it is emptied after its document).</summary>
    public int Lent => Volatile.Read(ref _lent);

    /// <summary>Pages waiting, empty, for the next document.</summary>
    public int Idle => _idle.Count;

    /// <summary>A page of its own for one document, or null when none came free within <paramref name="wait"/>.</summary>
    public async Task<PdfPageLease?> TryLendAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await _free.WaitAsync(wait, cancellationToken))
        {
            return null;
        }

        Interlocked.Increment(ref _lent);
        return new PdfPageLease(this, _idle.TryPop(out var page) ? page : null);
    }

    internal async Task<PooledPage> OpenAsync(PooledPage? page, CancellationToken stop)
    {
        var browser = await chromium.GetBrowserAsync(stop);
        if (page is not null && page.IsUsableWith(browser))
        {
            return page;
        }

        if (page is not null)
        {
            await page.CloseAsync();
        }

        stop.ThrowIfCancellationRequested();
        try
        {
            return await PooledPage.OpenAsync(browser, options.Value.DocumentTimeout);
        }
        catch (Microsoft.Playwright.PlaywrightException exception) when (!stop.IsCancellationRequested)
        {
            // A browser that cannot open a page is going away, whether or not Playwright has seen it go yet.
            logger.LogWarning(exception, "Chromium could not open a page for a PDF; starting it again");
            var replaced = await chromium.ReplaceAsync(browser, stop);
            stop.ThrowIfCancellationRequested();
            return await PooledPage.OpenAsync(replaced, options.Value.DocumentTimeout);
        }
    }

    internal async Task ReturnAsync(PooledPage? page, bool reusable)
    {
        try
        {
            if (page is null)
            {
                return;
            }

            if (reusable && page.Printed < options.Value.DocumentsPerContext && await page.TryResetAsync())
            {
                _idle.Push(page);
                return;
            }

            await page.CloseAsync();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "A PDF page could not be closed");
        }
        finally
        {
            Interlocked.Decrement(ref _lent);
            _free.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryPop(out var page))
        {
            await page.CloseAsync();
        }
    }
}

/// <summary>One document's use of a pooled page, from its turn until the page is given back.</summary>
public sealed class PdfPageLease
{
    private readonly PdfPagePool _pool;
    private PooledPage? _page;
    private int _returned;

    internal PdfPageLease(PdfPagePool pool, PooledPage? page)
    {
        _pool = pool;
        _page = page;
    }

    /// <summary>The lent page, made (or made again) if it has none that still works.</summary>
    internal async Task<PooledPage> OpenAsync(CancellationToken stop) => _page = await _pool.OpenAsync(_page, stop);

    /// <summary>Closes the page's context (after a crash or a timeout); the next <see cref="OpenAsync"/> makes a new one.</summary>
    internal async Task DiscardAsync()
    {
        if (_page is { } page)
        {
            _page = null;
            await page.CloseAsync();
        }
    }

    /// <summary>Gives the page back once: reset for the next document when <paramref name="reusable"/>, closed otherwise.</summary>
    public Task ReturnAsync(bool reusable) =>
        Interlocked.Exchange(ref _returned, 1) == 0 ? _pool.ReturnAsync(_page, reusable) : Task.CompletedTask;
}
