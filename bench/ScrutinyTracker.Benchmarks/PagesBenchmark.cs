using System.Globalization;
using System.Text;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// The pages of issue 17 against the demo data and against a council's archive (<see cref="ArchiveData"/>),
/// three apps side by side on Kestrel (demo, a page's worth, archive; and a copy of the archive whose review pages are never cached), loaded by wrk from a second process, interleaved;
/// then the report's throughput against a static file's and the round form's against the report's.
/// Prints Markdown for docs/benchmarks.md. <c>--pages [--reviews 1000] [--seconds 5] [--repeats 2]</c>.
/// </summary>
public static class PagesBenchmark
{
    /// <summary>A page and the user it is read as; <see cref="PublicReader"/> for a reader not signed in.</summary>
    private sealed record Page(string Name, string Email, string Url, double Goal);

    private const string PublicReader = "";

    public static async Task<int> RunAsync(string[] args)
    {
        var reviews = Option(args, "--reviews", 1000);
        var seconds = Option(args, "--seconds", 5);
        var repeats = Option(args, "--repeats", 2);
        Wrk.EnsureInstalled();
        Console.WriteLine($"ScrutinyTracker page benchmark: {reviews} reviews × 16 actions × {ArchiveData.Rounds} rounds, wrk {seconds} s a run, {repeats} runs of each, interleaved");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores; load average at the start: {LoadAverage()}");

        await using var demo = ServedApp.Start();
        await using var onePage = ServedApp.Start();
        await using var archive = ServedApp.Start();
        var generated = await ArchiveData.AddAsync(archive.ConnectionString, reviews);
        Console.WriteLine($"Archive generated through the app's model in {generated.TotalSeconds:0.0} s");
        if (Array.IndexOf(args, "--save-archive") is var save and >= 0 && save + 1 < args.Length)
        {
            // For profiling its queries with sqlite3 (EXPLAIN QUERY PLAN, .timer on).
            await archive.SaveCopyAsync(args[save + 1]);
            Console.WriteLine($"Archive saved to {args[save + 1]}");
            return 0;
        }

        // A page's worth of reviews (25, the page size): lists show as many rows as on the archive, so this
        // ratio says whether the work grows with the archive, where the demo's says how a full page compares with 2 rows.
        await ArchiveData.AddAsync(onePage.ConnectionString, 25 - 2);

        var pages = await PagesAsync(demo);
        foreach (var app in new[] { demo, onePage, archive })
        {
            await app.PublishHateCrimeAsync();
        }

        var cookies = new Dictionary<(ServedApp, string), string>();
        foreach (var app in new[] { demo, onePage, archive })
        {
            foreach (var email in pages.Select(p => p.Email).Distinct())
            {
                cookies[(app, email)] = email == PublicReader ? "" : await app.SignedInCookieAsync(email);
            }
        }

        // The report rendered for every request, for the round form (which cannot be cached) to be compared with
        // like for like: the same archive, copied, in an app whose review pages are never cached.
        await using var uncached = await ServedApp.StartUncachedCopyAsync(archive);
        foreach (var email in pages.Select(p => p.Email).Distinct().Where(e => e != PublicReader))
        {
            cookies[(uncached, email)] = await uncached.SignedInCookieAsync(email);
        }

        var table = new StringBuilder();
        table.AppendLine("| page | demo (2 reviews) p50 | 25 reviews p50 | archive p50 | archive / demo | goal | archive / 25 reviews | demo size | archive size |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var page in pages)
        {
            var sizes = (await demo.SizeAsync(page.Url, cookies[(demo, page.Email)]), await archive.SizeAsync(page.Url, cookies[(archive, page.Email)]));
            await onePage.SizeAsync(page.Url, cookies[(onePage, page.Email)]);
            var runs = new Dictionary<ServedApp, List<double>> { [demo] = [], [onePage] = [], [archive] = [] };
            for (var run = 0; run < repeats; run++)
            {
                foreach (var app in new[] { demo, onePage, archive })
                {
                    runs[app].Add(Checked(Wrk.Load(app.BaseUrl + page.Url, Cookie(cookies[(app, page.Email)]), 1, seconds), page.Url).P50Milliseconds);
                }
            }

            var ratio = Median(runs[archive]) / Median(runs[demo]);
            var growth = Median(runs[archive]) / Median(runs[onePage]);
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page.Name} | {Median(runs[demo]):0.0} ms | {Median(runs[onePage]):0.0} ms | {Median(runs[archive]):0.0} ms | **{ratio:0.00}×** | ≤ {page.Goal}× {(ratio <= page.Goal ? "met" : "not met")} | **{growth:0.00}×** | {sizes.Item1 / 1024.0:0.0} kB | {sizes.Item2 / 1024.0:0.0} kB |"));
        }

        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine(await ThroughputAsync(archive, uncached, cookies, pages, seconds, repeats));
        Console.WriteLine($"Peak resident memory of this process (the four apps, wrk excluded): {PeakRssMegabytes()} MB");
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// The report page and the round form with 16 connections, against a static CSS file of the same Kestrel,
    /// and the report rendered without the output cache (<paramref name="uncached"/>), interleaved.
    /// </summary>
    private static async Task<string> ThroughputAsync(ServedApp app, ServedApp uncached, Dictionary<(ServedApp, string), string> cookies, IReadOnlyList<Page> pages, int seconds, int repeats)
    {
        var report = pages.Single(p => p.Name.StartsWith("Report", StringComparison.Ordinal));
        var form = pages.Single(p => p.Name.StartsWith("Round form", StringComparison.Ordinal));
        var published = pages.Single(p => p.Name.StartsWith("Public review page", StringComparison.Ordinal));
        var css = app.BaseUrl + "/css/app.css";
        await app.SizeAsync("/css/app.css", "");
        if (!await app.ServedFromCacheAsync(report.Url, cookies[(app, report.Email)]) || await uncached.ServedFromCacheAsync(report.Url, cookies[(uncached, report.Email)]))
        {
            throw new InvalidOperationException("The report must come from the output cache of the archive's app, and never from the uncached copy's");
        }

        // The copy has served nothing yet, where the others have just been measured one connection at a time: warm it up first.
        Checked(Wrk.Load(uncached.BaseUrl + report.Url, cookies[(uncached, report.Email)], 16, seconds), report.Url);
        var (staticRuns, reportRuns, formRuns, publicRuns, uncachedRuns) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var run = 0; run < repeats; run++)
        {
            staticRuns.Add(Checked(Wrk.Load(css, null, 16, seconds), css).RequestsPerSecond);
            reportRuns.Add(Checked(Wrk.Load(app.BaseUrl + report.Url, cookies[(app, report.Email)], 16, seconds), report.Url).RequestsPerSecond);
            uncachedRuns.Add(Checked(Wrk.Load(uncached.BaseUrl + report.Url, cookies[(uncached, report.Email)], 16, seconds), report.Url).RequestsPerSecond);
            formRuns.Add(Checked(Wrk.Load(app.BaseUrl + form.Url, cookies[(app, form.Email)], 16, seconds), form.Url).RequestsPerSecond);
            publicRuns.Add(Checked(Wrk.Load(app.BaseUrl + published.Url, null, 16, seconds), published.Url).RequestsPerSecond);
        }

        var share = Median(reportRuns) / Median(staticRuns);
        var formRatio = Median(formRuns) / Median(uncachedRuns);
        var cachedRatio = Median(formRuns) / Median(reportRuns);
        var publicShare = Median(publicRuns) / Median(staticRuns);
        return string.Create(CultureInfo.InvariantCulture, $"""
            | 16 connections, archive data | requests/s (median) | each run |
            |---|---:|---|
            | static CSS file (`/css/app.css`) | {Median(staticRuns):0} | {string.Join(", ", staticRuns.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |
            | {report.Name} | {Median(reportRuns):0} | {string.Join(", ", reportRuns.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |
            | {report.Name.Replace(")", ", no output cache)", StringComparison.Ordinal)} | {Median(uncachedRuns):0} | {string.Join(", ", uncachedRuns.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |
            | {form.Name} | {Median(formRuns):0} | {string.Join(", ", formRuns.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |
            | {published.Name} | {Median(publicRuns):0} | {string.Join(", ", publicRuns.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))} |

            Report as a share of the static file: **{share:P0}** (goal ≥ 50%: {(share >= 0.5 ? "met" : "not met")}).
            Round form against the report rendered without the output cache (like for like: neither is cached): **{formRatio:0.00}×** its rate (goal ≥ 1×: {(formRatio >= 1 ? "met" : "not met")}); against the cached report, {cachedRatio:0.00}×.
            Public review page as a share of the static file: **{publicShare:P0}** (the report's goal, ≥ 50%: {(publicShare >= 0.5 ? "met" : "not met")}).

            """);
    }

    private static async Task<IReadOnlyList<Page>> PagesAsync(ServedApp demo)
    {
        // The demo's and the archive's ids of Hate Crime are the same: both apps seed the demo data first.
        var (reviewId, openRoundId, committeeId) = await demo.HateCrimeAsync();
        return
        [
            new("Dashboard, first page", DemoUsers.ScrutinyOfficerEmail, "/dashboard", 1.5),
            new("Dashboard, filtered to page 2", DemoUsers.ScrutinyOfficerEmail, $"/dashboard?committee={committeeId}&sort=achieved&page=2", 1.5),
            new("Due for update", DemoUsers.ScrutinyOfficerEmail, "/rounds/due", 1.5),
            new("Committee packs form", DemoUsers.ScrutinyOfficerEmail, $"/committee-packs?committee={committeeId}", 1.5),
            new("Reviews list (home)", DemoUsers.ScrutinyOfficerEmail, "/", 1.5),
            new("My updates (link officer)", DemoUsers.LinkOfficerEmail, "/my-updates", 1.5),
            new("Round form (link officer, 4 actions)", DemoUsers.LinkOfficerEmail, $"/rounds/{openRoundId}/updates", 1.5),
            new("Report (Hate Crime, committee member)", DemoUsers.CommitteeMemberEmail, $"/reviews/{reviewId}/report", 1.2),
            new("Public review page (Hate Crime, not signed in)", PublicReader, $"/public/reviews/{reviewId}", 1.2),
            new("Public list of published reviews", PublicReader, "/public", 1.5),
        ];
    }

    private static string? Cookie(string cookie) => cookie.Length == 0 ? null : cookie;

    private static Wrk.Result Checked(Wrk.Result result, string url) =>
        result.Errors == 0 ? result : throw new InvalidOperationException($"{url}: {result.Errors} responses were not 2xx or 3xx");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

    private static string PeakRssMegabytes() =>
        File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? (long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture)
            : "unknown";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
