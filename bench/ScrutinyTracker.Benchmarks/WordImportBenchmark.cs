using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ScrutinyTracker.Web.Features.Imports;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// Importing a 40-page Word document (issue 15: under 2 s): the council's Hate Crime document with its
/// recommendations repeated seven times (28 recommendations, 112 actions, every one with evidence and a
/// grade), timed as the reader alone and as an officer's whole import through the app's pages
/// (upload, preview, confirm). <c>--word-import [--warm-up N] [--runs N] [--copies N]</c>.
/// docs/benchmarks.md says what it measured.
/// </summary>
public static partial class WordImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var (warmUp, runs, copies) = (Option(args, "--warm-up", 3), Option(args, "--runs", 20), Option(args, "--copies", 7));
        var path = Path.Combine(AppContext.BaseDirectory, "Documents", "hate-crime-progress-update-march-2020.docx");
        var document = Repeat(await File.ReadAllBytesAsync(path), copies);
        var read = WordFileCheck.Read("bench.docx", document);
        Console.WriteLine($"ScrutinyTracker Word import benchmark: {copies} copies, {document.Length / 1024.0:0} kB, {read.Recommendations.Count} recommendations, {read.ActionsInOrder.Count()} actions; {warmUp} warm-up runs, {runs} timed");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores; load average at the start: {LoadAverage()}");

        var readTimes = await Time(warmUp, runs, () => { WordFileCheck.Read("bench.docx", document); return Task.CompletedTask; });
        var (app, client) = await BenchApp.StartAsync();
        await using (app)
        {
            var reviewIds = new List<int>();
            var steps = new Steps();
            var importTimes = await Time(warmUp, runs, async () => reviewIds.Add(await ImportAsync(client, document, steps)));
            var pdf = await client.GetByteArrayAsync($"/reviews/{reviewIds[^1]}/report.pdf");
            Console.WriteLine();
            Console.WriteLine("| what | runs | median | min | max |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(Row("Reading the document (checks and Open XML SDK)", readTimes));
            Console.WriteLine(Row("Whole import through the pages (upload, preview, confirm)", importTimes));
            Console.WriteLine(Row("… of which the upload (checked, read, kept)", steps.Upload[warmUp..]));
            Console.WriteLine(Row("… of which the preview page", steps.Preview[warmUp..]));
            Console.WriteLine(Row("… of which the confirmation (one transaction)", steps.Confirm[warmUp..]));
            Console.WriteLine();
            Console.WriteLine($"The imported review's report prints on {PageObject().Count(Encoding.Latin1.GetString(pdf))} A4 pages.");
        }

        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        return 0;
    }

    /// <summary>Upload, preview, confirm, as the officer's browser does; answers the new review's id.</summary>
    private sealed record Steps
    {
        public List<TimeSpan> Upload { get; } = [];
        public List<TimeSpan> Preview { get; } = [];
        public List<TimeSpan> Confirm { get; } = [];
    }

    private static async Task<int> ImportAsync(HttpClient client, byte[] document, Steps steps)
    {
        var html = await client.GetStringAsync("/imports/word");
        var committee = CommitteeOption().Match(html).Groups[1].Value;
        var file = new ByteArrayContent(document);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var watch = Stopwatch.StartNew();
        var upload = await client.PostAsync("/imports/word", new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
            { new StringContent(committee), "SelectCommitteeId" },
            { file, "Document", "bench.docx" },
        });
        Expect(upload, HttpStatusCode.Redirect);
        steps.Upload.Add(watch.Elapsed);
        var preview = upload.Headers.Location!.OriginalString;
        watch.Restart();
        var page = await client.GetStringAsync(preview);
        steps.Preview.Add(watch.Elapsed);
        watch.Restart();
        var confirm = await client.PostAsync(preview + "/confirm", new FormUrlEncodedContent(
            ConfirmFields().Matches(page).Select(m => new KeyValuePair<string, string>("LinkOfficerIds", m.Groups[1].Value))
                .Append(new("__RequestVerificationToken", Token(page)))));
        Expect(confirm, HttpStatusCode.Redirect);
        steps.Confirm.Add(watch.Elapsed);
        return int.Parse(confirm.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
    }

    /// <summary>The document with its recommendations (everything from "Recommendation 1:" to the grading key) repeated, renumbered.</summary>
    public static byte[] Repeat(byte[] original, int copies)
    {
        using var stream = new MemoryStream();
        stream.Write(original);
        using (var word = WordprocessingDocument.Open(stream, true))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            var blocks = body.ChildElements.ToList();
            var first = blocks.FindIndex(b => b is Paragraph p && p.InnerText.StartsWith("Recommendation 1:", StringComparison.Ordinal));
            var key = blocks.FindLastIndex(b => b is Table);
            var plan = blocks.GetRange(first, key - first);
            var count = plan.Count(b => b is Paragraph p && RecommendationHeading().IsMatch(p.InnerText));
            for (var copy = 1; copy < copies; copy++)
            {
                foreach (var block in plan)
                {
                    var clone = block.CloneNode(true);
                    if (clone is Paragraph p && RecommendationHeading().Match(p.InnerText) is { Success: true } heading)
                    {
                        var text = p.Descendants<Text>().First(t => t.Text.Contains(heading.Groups[1].Value, StringComparison.Ordinal));
                        text.Text = text.Text.Replace($"Recommendation {heading.Groups[1].Value}", $"Recommendation {int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture) + copy * count}", StringComparison.Ordinal);
                    }

                    blocks[key].InsertBeforeSelf(clone);
                }
            }
        }

        return stream.ToArray();
    }

    private static async Task<List<TimeSpan>> Time(int warmUp, int runs, Func<Task> work)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await work();
        }

        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            times.Add(watch.Elapsed);
        }

        return times;
    }

    private static string Row(string what, List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {times.Count} | {median.TotalMilliseconds:0} ms | {sorted[0].TotalMilliseconds:0} ms | {sorted[^1].TotalMilliseconds:0} ms |");
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}, not {(int)status}.");
        }
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex(@"^Recommendation (\d+):")]
    private static partial Regex RecommendationHeading();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"<option value=""(\d+)"">")]
    private static partial Regex CommitteeOption();

    [GeneratedRegex(@"name=""LinkOfficerIds"" type=""checkbox"" value=""([^""]+)"" checked")]
    private static partial Regex ConfirmFields();

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}
