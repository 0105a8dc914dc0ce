using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// Cold and warm render times of the Hate Crime PDF and of a 20-review committee pack, through the
/// app's own endpoints, then the app against bare Playwright (<see cref="PdfComparison"/>).
/// docs/benchmarks.md says how to run it, why it is a Stopwatch harness, and what it measured.
/// </summary>
public static class PdfBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        // WebApplicationFactory finds the app's folder through MvcTestingAppManifest.json in the
        // current directory, and `dotnet run` starts in the project's folder, not the output's.
        Environment.CurrentDirectory = AppContext.BaseDirectory;
        if (args is ["--word-import", .. var rest])
        {
            return await WordImportBenchmark.RunAsync(rest);
        }

        if (args is ["--pages", .. var pageArgs])
        {
            return await PagesBenchmark.RunAsync(pageArgs);
        }

        if (args is ["--search", .. var searchArgs])
        {
            return await SearchBenchmark.RunAsync(searchArgs);
        }

        var options = BenchOptions.Parse(args);
        Console.WriteLine($"ScrutinyTracker PDF benchmark: {options}");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Load average at the start: {LoadAverage()}");

        if (options.ColdRuns > 0 || options.WarmRuns > 0)
        {
            Console.WriteLine();
            Console.WriteLine(await ColdAndWarmAsync(options));
        }

        if (options.CompareRuns > 0)
        {
            var (app, client) = await BenchApp.StartAsync();
            await using (app)
            {
                var (reviewId, roundId) = await app.HateCrimeAsync();
                var (html, footer) = await app.PrintedReportAsync(reviewId, roundId);
                await using var bare = await BarePlaywright.StartAsync(pages: 2);
                var comparison = new PdfComparison(app, client, reviewId, roundId, bare, html, footer);
                Console.WriteLine();
                Console.WriteLine(await comparison.OneAtATimeAsync(Math.Max(options.WarmUpRuns, 1), options.CompareRuns));
                Console.WriteLine();
                Console.WriteLine(await comparison.ThroughputAsync(options.ThroughputPdfs, options.ThroughputSamples));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        return 0;
    }

    /// <summary>"1.02 0.87 0.55" (1, 5 and 15 minutes), from /proc/loadavg where there is one.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<string> ColdAndWarmAsync(BenchOptions options)
    {
        var pack = $"Committee pack of {options.PackSize} reviews";
        var results = new List<Measurement>();
        if (options.ColdRuns > 0)
        {
            results.Add(await ColdAsync("Hate Crime PDF", options, async (app, client) =>
            {
                var (reviewId, roundId) = await app.HateCrimeAsync();
                return () => ReportPdfAsync(client, reviewId, roundId);
            }));
            results.Add(await ColdAsync(pack, options, async (app, client) =>
            {
                var fields = await PackFieldsAsync(app, client, options.PackSize);
                return () => CommitteePackAsync(client, fields);
            }));
        }

        if (options.WarmRuns > 0)
        {
            var (warmApp, warmClient) = await BenchApp.StartAsync();
            await using (warmApp)
            {
                var (reviewId, roundId) = await warmApp.HateCrimeAsync();
                var fields = await PackFieldsAsync(warmApp, warmClient, options.PackSize);
                results.Add(await WarmAsync("Hate Crime PDF", options, () => ReportPdfAsync(warmClient, reviewId, roundId)));
                results.Add(await WarmAsync(pack, options, () => CommitteePackAsync(warmClient, fields)));
            }
        }

        return string.Join('\n', new[]
        {
            "| document | start | runs | median | min | max | size | pages |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        }.Concat(results.Select(m => m.MarkdownRow())));
    }

    /// <summary>Each run starts a new app (and so a new Chromium) and times its first PDF.</summary>
    private static async Task<Measurement> ColdAsync(string name, BenchOptions options, Func<BenchApp, HttpClient, Task<Func<Task<byte[]>>>> arrange)
    {
        var timings = new List<TimeSpan>();
        byte[] pdf = [];
        for (var run = 0; run < options.ColdRuns; run++)
        {
            var (app, client) = await BenchApp.StartAsync();
            await using (app)
            {
                var render = await arrange(app, client);
                var watch = Stopwatch.StartNew();
                pdf = await render();
                timings.Add(watch.Elapsed);
            }
        }

        return new Measurement(name, "cold", timings, pdf);
    }

    private static async Task<Measurement> WarmAsync(string name, BenchOptions options, Func<Task<byte[]>> render)
    {
        for (var run = 0; run < options.WarmUpRuns; run++)
        {
            await render();
        }

        var timings = new List<TimeSpan>();
        byte[] pdf = [];
        for (var run = 0; run < options.WarmRuns; run++)
        {
            var watch = Stopwatch.StartNew();
            pdf = await render();
            timings.Add(watch.Elapsed);
        }

        return new Measurement(name, "warm", timings, pdf);
    }

    private static Task<byte[]> ReportPdfAsync(HttpClient client, int reviewId, int roundId) =>
        PdfAsync(client.GetAsync($"/reviews/{reviewId}/report.pdf?round={roundId}"));

    /// <summary>The pack form's fields, with its antiforgery token, arranged before any timing starts.</summary>
    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> PackFieldsAsync(BenchApp app, HttpClient client, int packSize)
    {
        var reviewIds = await app.HateCrimeAndCopiesAsync(packSize);
        var committeeId = await app.CommitteeOfAsync(reviewIds[0]);
        var token = await BenchApp.TokenAsync(client, "/committee-packs?round=March+2020");
        return
        [
            .. reviewIds.Select(id => new KeyValuePair<string, string>("Form.ReviewIds", id.ToString(CultureInfo.InvariantCulture))),
            new("Form.Round", "March 2020"),
            new("Form.SelectCommitteeId", committeeId.ToString(CultureInfo.InvariantCulture)),
            new("Form.MeetingDay", "12"),
            new("Form.MeetingMonth", "3"),
            new("Form.MeetingYear", "2020"),
            new("__RequestVerificationToken", token),
        ];
    }

    private static Task<byte[]> CommitteePackAsync(HttpClient client, IReadOnlyList<KeyValuePair<string, string>> fields) =>
        PdfAsync(client.PostAsync("/committee-packs", new FormUrlEncodedContent(fields)));

    public static async Task<byte[]> PdfAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            throw new InvalidOperationException($"Expected a PDF, got {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        }

        return await response.Content.ReadAsByteArrayAsync();
    }
}
