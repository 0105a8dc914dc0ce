using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Playwright;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>
/// One person's visit in their own browser context. Every page that loads must be checked with axe-core
/// (WCAG 2.2 A/AA rules; serious and critical violations fail), and no page may break its
/// Content-Security-Policy (Chromium's console reports of a violation, "Refused to …" or "… violates the following Content Security Policy directive", fail the journey); on failure a
/// screenshot and the page's HTML are kept under TestResults/browser/.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "axe", "axe.min.js")));

    /// <summary>Generous: CI machines have 2 cores, and the first request of a page may compile its Razor view.</summary>
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext _context;
    private readonly string _baseUrl;
    private readonly string _name;
    private readonly List<string> _loaded = [];
    private readonly HashSet<string> _checked = [];
    private readonly List<string> _policyViolations = [];

    private Journey(IBrowserContext context, IPage page, string baseUrl, string name)
    {
        _context = context;
        Page = page;
        _baseUrl = baseUrl;
        _name = name;
        page.Load += (_, loadedPage) => _loaded.Add(loadedPage.Url);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
            {
                lock (_policyViolations)
                {
                    _policyViolations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
    }

    public IPage Page { get; }

    public static async Task<Journey> StartAsync(BrowserFixture fixture, [CallerMemberName] string name = "")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", AcceptDownloads = true });
        await AddAxeAsync(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)PageTimeout.TotalMilliseconds);
        return new Journey(context, page, fixture.App.BaseUrl, name);
    }

    /// <summary>
    /// axe-core goes in as an init script, which the page's Content-Security-Policy does not govern
    /// (an inline &lt;script&gt; tag added by the test would itself be refused by it).
    /// </summary>
    public static Task AddAxeAsync(IBrowserContext context) => context.AddInitScriptAsync(AxeSource.Value);

    public string Url(string path) => _baseUrl + path;

    /// <summary>Goes to a page of the app and checks its accessibility.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(Url(path));
        await CheckAccessibilityAsync();
    }

    public async Task SignInAsync(string email, string password = DemoUsers.Password)
    {
        await GotoAsync("/account/sign-in");
        await Page.GetByLabel("Email address").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await CheckAccessibilityAsync();
    }

    /// <summary>
    /// Runs an action that loads a new page (a key press, say, which unlike a click does not wait for the
    /// navigation it starts), waits for that page and checks its accessibility.
    /// </summary>
    public async Task NextPageAsync(Func<Task> action)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await action();
            await loaded.Task.WaitAsync(PageTimeout);
        }
        finally
        {
            Page.Load -= OnLoad;
        }

        await CheckAccessibilityAsync();
    }

    /// <summary>Runs axe-core on the page as it is now and fails on serious or critical violations.</summary>
    public async Task CheckAccessibilityAsync()
    {
        var found = await AxeViolationsAsync(Page);
        _checked.Add(Page.Url);
        if (found.Count > 0)
        {
            throw new AccessibilityException($"{Page.Url} has accessibility violations:\n" + string.Join("\n", found));
        }
    }

    /// <summary>
    /// The serious and critical violations axe-core finds on the page as it is now, with WCAG 2.2 A and AA
    /// rules (target-size among them), one line each: "serious color-contrast: … at selector, selector".
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        // Polled in the page, and re-run by Playwright if a navigation replaces it: waiting for the "load"
        // event instead can miss one that fires while a click's redirect is still being followed.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Runs the steps; afterwards every page that loaded must have been checked. Keeps evidence on failure.</summary>
    public async Task RunAsync(Func<Journey, Task> steps)
    {
        try
        {
            await steps(this);
            lock (_policyViolations)
            {
                if (_policyViolations.Count > 0)
                {
                    throw new ContentSecurityPolicyException("The Content-Security-Policy refused something:\n" + string.Join("\n", _policyViolations));
                }
            }

            var notChecked = _loaded.Where(url => !_checked.Contains(url)).Distinct().ToList();
            if (notChecked.Count > 0)
            {
                throw new AccessibilityException("These pages loaded but were not checked with axe-core: " + string.Join(", ", notChecked));
            }
        }
        catch
        {
            await KeepEvidenceAsync();
            throw;
        }
    }

    private async Task KeepEvidenceAsync()
    {
        var folder = Path.Combine(TestResultsFolder(), "browser", _name);
        Directory.CreateDirectory(folder);
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "page.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(folder, "page.html"), await Page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page itself may be what failed; the exception being thrown says why.
        }
    }

    internal static string TestResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScrutinyTracker.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

public sealed class AccessibilityException(string message) : Exception(message);

public sealed class ContentSecurityPolicyException(string message) : Exception(message);
