using System.Diagnostics;
using System.Globalization;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// The app against bare Playwright printing the same Hate Crime HTML with the same options, as
/// ratios measured in one interleaved run (docs/benchmarks.md): one PDF at a time (app time / bare
/// time, goal at most 1.3), and PDFs per second with 4 clients at once against a bare pool of 2
/// reused pages (app rate / bare rate, goal at least 0.8).
/// </summary>
public sealed class PdfComparison(BenchApp app, HttpClient client, int reviewId, int roundId, BarePlaywright bare, string html, string footer)
{
    public const int Clients = 4;

    public async Task<string> OneAtATimeAsync(int warmUp, int runs)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await AppPdfAsync();
            await bare.PrintAsync(html, footer);
        }

        var appTimes = new List<TimeSpan>();
        var bareTimes = new List<TimeSpan>();
        byte[] appPdf = [], barePdf = [];
        for (var i = 0; i < runs; i++)
        {
            // Interleaved, the app first on even runs and second on odd ones, so drift in the machine's load hits both.
            foreach (var appFirst in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                var watch = Stopwatch.StartNew();
                if (appFirst)
                {
                    appPdf = await AppPdfAsync();
                    appTimes.Add(watch.Elapsed);
                }
                else
                {
                    barePdf = await bare.PrintAsync(html, footer);
                    bareTimes.Add(watch.Elapsed);
                }
            }
        }

        var appMedian = Median(appTimes);
        var bareMedian = Median(bareTimes);
        return string.Join('\n',
            "| Hate Crime PDF, warm, one at a time | runs | median | min | max | pages |",
            "|---|---:|---:|---:|---:|---:|",
            Row("app (HTTP, database, Razor, page pool)", appTimes, appPdf),
            Row("bare Playwright, same HTML and options, reused page", bareTimes, barePdf),
            string.Create(CultureInfo.InvariantCulture, $"\nRatio app / bare (medians): **{appMedian / bareMedian:0.00}×** (goal ≤ 1.3×)"));
    }

    public async Task<string> ThroughputAsync(int pdfsPerSample, int samples)
    {
        var appRates = new List<double>();
        var bareRates = new List<double>();
        await RateAsync(Clients, AppPdfAsync); // warm-up: every pooled page exists
        for (var sample = 0; sample < samples; sample++)
        {
            appRates.Add(await RateAsync(pdfsPerSample, AppPdfAsync));
            bareRates.Add(await RateAsync(pdfsPerSample, () => bare.PrintAsync(html, footer)));
        }

        var appMedian = MedianOf(appRates);
        var bareMedian = MedianOf(bareRates);
        return string.Join('\n',
            $"| PDFs per second, {Clients} clients at once | samples of {pdfsPerSample} PDFs | median | each sample |",
            "|---|---:|---:|---|",
            RateRow($"app, `Pdf:MaxConcurrentDocuments` = {app.MaxConcurrentDocuments}", appRates),
            RateRow("bare pool of 2 reused pages", bareRates),
            string.Create(CultureInfo.InvariantCulture, $"\nRatio app / bare (medians): **{appMedian / bareMedian:0.00}×** (goal ≥ 0.8×)"));
    }

    private async Task<byte[]> AppPdfAsync() =>
        await PdfBenchmark.PdfAsync(client.GetAsync($"/reviews/{reviewId}/report.pdf?round={roundId}"));

    /// <summary>PDFs per second while <see cref="Clients"/> clients each ask for the next one as soon as theirs arrives.</summary>
    private static async Task<double> RateAsync(int pdfs, Func<Task<byte[]>> print)
    {
        var left = pdfs;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await print();
            }
        }));
        return pdfs / watch.Elapsed.TotalSeconds;
    }

    private static string Row(string what, IReadOnlyList<TimeSpan> times, byte[] pdf) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {times.Count} | {Median(times).TotalMilliseconds:0} ms | {times.Min().TotalMilliseconds:0} ms | {times.Max().TotalMilliseconds:0} ms | {new Measurement("", "", [TimeSpan.Zero], pdf).Pages} |");

    private static string RateRow(string what, IReadOnlyList<double> rates) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {rates.Count} | {MedianOf(rates):0.00} | {string.Join(", ", rates.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} |");

    private static TimeSpan Median(IReadOnlyList<TimeSpan> times) => TimeSpan.FromTicks((long)MedianOf(times.Select(t => (double)t.Ticks).ToList()));

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
