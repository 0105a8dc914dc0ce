using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Tests.Security;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>One page the crawl reached, and what is wrong with it at which width.</summary>
public sealed record CrawledPage(string Path, string Route, IReadOnlyList<string> Problems);

/// <summary>
/// Signs in as someone and follows every same-origin link from the home page, breadth first, as that
/// person could. Each page is loaded at 1280 px and at 320 px wide and checked there with axe-core
/// (WCAG 2.2 A and AA, serious and critical), for sideways scrolling and for small targets
/// (<see cref="LayoutChecks"/>). To stay fast, only the first <see cref="PagesPerRoute"/> pages of
/// each route pattern ("/reviews/{reviewId:int}/plan") are visited; signing out and downloads are not
/// followed. Screenshots of pages with problems are kept under TestResults/browser/.
/// </summary>
public sealed partial class SiteCrawler(BrowserFixture fixture, string name)
{
    public const int PagesPerRoute = 2;

    public static readonly IReadOnlyList<(int Width, int Height)> Windows = [(1280, 800), (320, 640)];

    /// <summary>The routes of <see cref="EndpointRules"/>, those without parameters first so that "/users/new" is not taken for "/users/{userId}".</summary>
    private static readonly IReadOnlyList<(string Route, Regex Pattern)> Routes = EndpointRules.ByEndpoint.Keys
        .Where(key => key.StartsWith("GET ", StringComparison.Ordinal))
        .Select(key => key["GET ".Length..])
        .OrderBy(route => route.Count(c => c == '{'))
        .Select(route => (route, new Regex("^" + RouteParameter().Replace(route, m => m.Groups[2].Value == ":int" ? @"\d+" : "[^/]+") + "$")))
        .ToList();

    private static readonly string[] NotFollowed = ["/account/sign-out"];

    /// <summary>Links to files (a PDF, a spreadsheet, a Word document, the open data and its feed) download them: they are not pages to check.</summary>
    private static readonly string[] Downloads = [".pdf", ".xlsx", ".csv", ".docx", ".json", ".atom"];

    private const string LinksScript = """
        () => [...document.querySelectorAll('a[href]')]
          .filter(a => !a.hasAttribute('download'))
          .map(a => new URL(a.href, location.href))
          .filter(u => u.origin === location.origin && (u.protocol === 'http:' || u.protocol === 'https:'))
          .map(u => u.pathname + u.search)
        """;

    /// <param name="alsoFrom">Pages reached by a form rather than a link (a search's results), crawled from as the home page is.</param>
    public async Task<IReadOnlyList<CrawledPage>> CrawlAsync(string email, string password = DemoUsers.Password, IEnumerable<string>? alsoFrom = null)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        await Journey.AddAxeAsync(context);
        var pages = new List<IPage>();
        foreach (var (width, height) in Windows)
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await page.SetViewportSizeAsync(width, height);
            pages.Add(page);
        }

        await SignInAsync(pages[0], email, password);

        var crawled = new List<CrawledPage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visitsOfRoute = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        Enqueue("/");
        foreach (var start in alsoFrom ?? [])
        {
            Enqueue(start);
        }

        while (queue.TryDequeue(out var path))
        {
            var route = RouteOf(path);
            if (visitsOfRoute.GetValueOrDefault(route) >= PagesPerRoute)
            {
                continue;
            }

            visitsOfRoute[route] = visitsOfRoute.GetValueOrDefault(route) + 1;
            // Both widths at once: each page has its own renderer process, so this uses both cores.
            var number = crawled.Count;
            var checks = await Task.WhenAll(pages.Select((page, i) => CheckAsync(page, path, number)));
            var problems = checks.SelectMany((found, i) => found.Select(p => $"at {Windows[i].Width} px: {p}")).ToList();
            crawled.Add(new CrawledPage(path, route, problems));
            foreach (var link in await pages[0].EvaluateAsync<string[]>(LinksScript))
            {
                Enqueue(link);
            }
        }

        return crawled;

        void Enqueue(string path)
        {
            var withoutQuery = path.Split('?')[0];
            if (!NotFollowed.Contains(withoutQuery) && !Downloads.Any(d => withoutQuery.EndsWith(d, StringComparison.OrdinalIgnoreCase)) && seen.Add(path))
            {
                queue.Enqueue(path);
            }
        }
    }

    /// <summary>"/reviews/{reviewId:int}/plan" for "/reviews/3/plan"; a path no rule knows is its own route.</summary>
    public static string RouteOf(string path)
    {
        var withoutQuery = path.Split('?')[0];
        return Routes.FirstOrDefault(r => r.Pattern.IsMatch(withoutQuery)).Route ?? withoutQuery;
    }

    /// <summary>
    /// Signs in through the form. A sign-in that leaves the browser on the sign-in page is tried once more,
    /// and if that fails too the test fails with what each attempt got back (the answer's status, the
    /// page's heading and error summary), so that a failure says why rather than only that it timed out.
    /// </summary>
    private async Task SignInAsync(IPage page, string email, string password)
    {
        var attempts = new List<string>();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await page.GotoAsync(fixture.App.BaseUrl + "/account/sign-in");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            IResponse? answer = null;
            try
            {
                answer = await page.RunAndWaitForResponseAsync(
                    () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
                    r => r.Request.Method == "POST" && r.Url.Contains("/account/sign-in", StringComparison.Ordinal),
                    new() { Timeout = 15_000 });
                await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal), new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException)
            {
                var heading = await page.Locator("h1").First.TextContentAsync(new() { Timeout = 1_000 }).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
                var errors = await page.Locator(".govuk-error-summary").AllTextContentsAsync();
                attempts.Add($"attempt {attempt}: the sign-in answered {answer?.Status.ToString() ?? "nothing"}, the browser is at {page.Url}, heading \"{heading?.Trim()}\", errors \"{string.Join(" ", errors).Trim()}\"");
            }
        }

        throw new InvalidOperationException($"Signing in as {email} left the browser on the sign-in page:\n" + string.Join("\n", attempts));
    }

    private async Task<IReadOnlyList<string>> CheckAsync(IPage page, string path, int number)
    {
        IResponse? response;
        try
        {
            response = await page.GotoAsync(fixture.App.BaseUrl + path);
        }
        catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            return [];
        }

        var problems = new List<string>();
        if (response is null || response.Status >= 400)
        {
            problems.Add($"answers {response?.Status} (a broken link)");
        }

        problems.AddRange(await Journey.AxeViolationsAsync(page));
        problems.AddRange(await LayoutChecks.ProblemsAsync(page));
        if (problems.Count > 0)
        {
            await KeepScreenshotAsync(page, number);
        }

        return problems;
    }

    private async Task KeepScreenshotAsync(IPage page, int number)
    {
        var folder = Path.Combine(Journey.TestResultsFolder(), "browser", name);
        Directory.CreateDirectory(folder);
        var width = page.ViewportSize?.Width;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{number:000}-{width}px.png"), FullPage = true });
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
