using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// Search (issue 18) and the public review page, against the demo data and against a council's archive
/// (<see cref="ArchiveData"/>: 1,000 reviews, 160,000 updates, all indexed by the FTS5 triggers as they
/// are written), two apps side by side on Kestrel, loaded by wrk from a second process, interleaved.
/// Every review is published in both, so the public search and page have the whole archive to read.
/// Prints Markdown for docs/benchmarks.md. <c>--search [--reviews 1000] [--seconds 5] [--repeats 2]</c>.
/// </summary>
public static class SearchBenchmark
{
    private sealed record Page(string Name, string Email, string Url);

    public static async Task<int> RunAsync(string[] args)
    {
        var reviews = Option(args, "--reviews", 1000);
        var seconds = Option(args, "--seconds", 5);
        var repeats = Option(args, "--repeats", 2);
        Wrk.EnsureInstalled();
        Console.WriteLine($"ScrutinyTracker search benchmark: {reviews} reviews × 16 actions × {ArchiveData.Rounds} rounds, wrk {seconds} s a run, {repeats} runs of each, interleaved");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores; load average at the start: {LoadAverage()}");

        // wrk is one client asking as fast as it can: the public pages' per-address limit would answer it 429.
        Environment.SetEnvironmentVariable("PublicPages__PermitLimit", "1000000000");
        await using var demo = ServedApp.Start();
        await using var archive = ServedApp.Start();
        var generated = await ArchiveData.AddAsync(archive.ConnectionString, reviews);
        Console.WriteLine($"Archive generated through the app's model (with its search index) in {generated.TotalSeconds:0.0} s; "
            + $"{IndexRows(archive.ConnectionString):N0} texts indexed");
        Publish(demo.ConnectionString);
        Publish(archive.ConnectionString);

        var (hateCrime, _, _) = await demo.HateCrimeAsync();
        Page[] pages =
        [
            new("Search, scrutiny officer: two common words", DemoUsers.ScrutinyOfficerEmail, "/search?q=hate+crime"),
            new("Search, scrutiny officer: a phrase from evidence", DemoUsers.ScrutinyOfficerEmail, "/search?q=%22third+party+reporting%22"),
            new("Search, committee member: one word, grade 3", DemoUsers.CommitteeMemberEmail, "/search?q=training&grade=3"),
            new("Search, link officer: one word", DemoUsers.LinkOfficerEmail, "/search?q=training"),
            new("Public search: two words, page 5", "", "/public/search?q=hate+crime&page=5"),
            new("Public review page (Hate Crime)", "", $"/public/reviews/{hateCrime}"),
        ];
        var cookies = new Dictionary<(ServedApp, string), string>();
        foreach (var app in new[] { demo, archive })
        {
            cookies[(app, "")] = "";
            foreach (var email in pages.Select(p => p.Email).Where(e => e.Length > 0).Distinct())
            {
                cookies[(app, email)] = await app.SignedInCookieAsync(email);
            }
        }

        var table = new StringBuilder();
        table.AppendLine("| page | demo (2 reviews) p50 | archive p50 | archive / demo | demo size | archive size |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var page in pages)
        {
            var sizes = (await demo.SizeAsync(page.Url, cookies[(demo, page.Email)]), await archive.SizeAsync(page.Url, cookies[(archive, page.Email)]));
            var runs = new Dictionary<ServedApp, List<double>> { [demo] = [], [archive] = [] };
            for (var run = 0; run < repeats; run++)
            {
                foreach (var app in new[] { demo, archive })
                {
                    var result = Wrk.Load(app.BaseUrl + page.Url, cookies[(app, page.Email)], 1, seconds);
                    runs[app].Add(result.Errors == 0 ? result.P50Milliseconds : throw new InvalidOperationException($"{page.Url}: {result.Errors} errors"));
                }
            }

            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {page.Name} | {Median(runs[demo]):0.0} ms | {Median(runs[archive]):0.0} ms | **{Median(runs[archive]) / Median(runs[demo]):0.0}×** | {sizes.Item1 / 1024.0:0.0} kB | {sizes.Item2 / 1024.0:0.0} kB |");
            Console.WriteLine(row);
            table.AppendLine(row);
        }

        Console.WriteLine();
        Console.WriteLine(table);
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        return 0;
    }

    private static void Publish(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Reviews SET PublishedAtUtc = '2026-01-01 00:00:00' WHERE PublishedAtUtc IS NULL";
        command.ExecuteNonQuery();
    }

    private static long IndexRows(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM SearchIndex";
        return (long)command.ExecuteScalar()!;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
