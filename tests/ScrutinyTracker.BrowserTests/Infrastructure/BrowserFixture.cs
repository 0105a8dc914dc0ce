using Microsoft.Playwright;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium (Playwright cannot download its own browser here) and one app server
/// for a test class. Set CHROMIUM_PATH to use another browser binary.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] LaunchFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public BrowserFixture()
        : this(new AppServer())
    {
    }

    /// <summary>For a journey that needs the app set up its own way.</summary>
    protected BrowserFixture(AppServer app) => App = app;

    public AppServer App { get; }
    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install Debian's 'chromium' package (apt-get install chromium) or set CHROMIUM_PATH. .ci/run installs it.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchFlags,
        });
        _ = App.BaseUrl;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
