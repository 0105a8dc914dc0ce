using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace ScrutinyTracker.Web.Infrastructure.Pdf;

/// <summary>
/// The app's one headless Chromium: started on first use through Playwright, started again if it
/// has disconnected or crashed since, and closed with the app. Tests derive from it to hold a start back.
/// </summary>
public class ChromiumHost(IOptions<PdfOptions> options, ILogger<ChromiumHost> logger) : IAsyncDisposable
{
    /// <summary>
    /// Flags that work on our servers (docs/decisions/0004): no sandbox or GPU, nothing that calls
    /// home, and no host name or address resolves, so a document cannot even open a connection
    /// (Chromium pre-connects to an iframe's address before the request is refused).
    /// </summary>
    public static IReadOnlyList<string> LaunchFlags { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    private readonly SemaphoreSlim _starting = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken = default)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        return await StartAsync(broken: null, cancellationToken);
    }

    /// <summary>
    /// Starts Chromium again in place of <paramref name="broken"/>, which failed to open a page while
    /// still looking connected (it is going away, and Playwright has not noticed yet). A browser
    /// started meanwhile by someone else is kept.
    /// </summary>
    public Task<IBrowser> ReplaceAsync(IBrowser broken, CancellationToken cancellationToken = default) =>
        StartAsync(broken, cancellationToken);

    private async Task<IBrowser> StartAsync(IBrowser? broken, CancellationToken cancellationToken)
    {
        await _starting.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } startedMeanwhile && !ReferenceEquals(startedMeanwhile, broken))
            {
                return startedMeanwhile;
            }

            if (_browser is not null)
            {
                logger.LogWarning("Chromium has disconnected or stopped working; starting it again");
                await CloseQuietlyAsync(_browser);
            }

            _browser = await LaunchAsync();
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>Starts Chromium; only ever called by one caller at a time.</summary>
    protected virtual async Task<IBrowser> LaunchAsync()
    {
        var settings = options.Value;
        if (!File.Exists(settings.BrowserPath))
        {
            throw new ChromiumNotFoundException(settings.BrowserPath);
        }

        _playwright ??= await Playwright.CreateAsync();
        var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = settings.BrowserPath,
            Headless = true,
            Args = LaunchFlags,
            Timeout = (float)settings.DocumentTimeout.TotalMilliseconds,
        });
        browser.Disconnected += (_, _) => logger.LogInformation("Chromium disconnected");
        logger.LogInformation("Started Chromium {Version} from {BrowserPath}", browser.Version, settings.BrowserPath);
        return browser;
    }

    private async Task CloseQuietlyAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (PlaywrightException exception)
        {
            logger.LogDebug(exception, "Closing a disconnected Chromium failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_browser is not null)
            {
                await CloseQuietlyAsync(_browser);
            }

            _playwright?.Dispose();
        }
        finally
        {
            _starting.Release();
        }
    }
}
