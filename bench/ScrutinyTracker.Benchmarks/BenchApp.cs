using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Features.Pdf;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Benchmarks;

/// <summary>
/// A fresh instance of the app in this process (its own SQLite file with the Development demo data,
/// its own Chromium once a PDF is asked for), driven over HTTP as a signed-in scrutiny officer.
/// </summary>
public sealed partial class BenchApp : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"scrutinytracker-bench-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_databaseFile}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public static async Task<(BenchApp App, HttpClient Client)> StartAsync()
    {
        var app = new BenchApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await TokenAsync(client, "/account/sign-in");
        var signIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(
        [
            new("Email", DemoUsers.ScrutinyOfficerEmail),
            new("Password", DemoUsers.Password),
            new("__RequestVerificationToken", token),
        ]));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in failed: {(int)signIn.StatusCode}");
        }

        return (app, client);
    }

    /// <summary>The Hate Crime review's id and its March 2020 round's id.</summary>
    public Task<(int ReviewId, int RoundId)> HateCrimeAsync() => WithDbAsync(async db =>
    {
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Review!.Title == "Hate Crime" && r.Label == "March 2020");
        return (round.ReviewId, round.Id);
    });

    /// <summary>
    /// Adds copies of the Hate Crime review (same committee, a closed March 2020 round of 16 accepted
    /// updates each) and answers the ids of <paramref name="count"/> reviews, the original first.
    /// </summary>
    public Task<IReadOnlyList<int>> HateCrimeAndCopiesAsync(int count) => WithDbAsync<IReadOnlyList<int>>(async db =>
    {
        var original = await db.Reviews.Include(r => r.SelectCommittee).SingleAsync(r => r.Title == "Hate Crime");
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var scrutinyOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.ScrutinyOfficerEmail);
        var document = SeedDocument.LoadHateCrime();
        var copies = Enumerable.Range(2, count - 1).Select(n =>
        {
            var copy = DemoDataSeeder.HateCrime(document, original.SelectCommittee!, linkOfficer, scrutinyOfficer);
            copy.Title = $"Hate Crime (copy {n})";
            return copy;
        }).ToList();
        db.Reviews.AddRange(copies);
        await db.SaveChangesAsync();
        return [original.Id, .. copies.Select(c => c.Id)];
    });

    /// <summary>
    /// The HTML and footer the app prints for a review's round, made by the app's own query and
    /// views (as PdfController does), so the bare Playwright baseline prints exactly the same document.
    /// </summary>
    public async Task<(string Html, string Footer)> PrintedReportAsync(int reviewId, int roundId)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var report = await services.GetRequiredService<ReportQuery>().LoadAsync(reviewId, roundId, includeDrafts: false)
            ?? throw new InvalidOperationException($"No report for review {reviewId}, round {roundId}");
        var name = PrintedDocumentName.ForReport(report.Title, report.Round?.Label, report.IncludesDrafts);
        var http = new DefaultHttpContext { RequestServices = services };
        var route = new RouteData { Values = { ["controller"] = "Pdf", ["action"] = "ReportPdf" } };
        var html = await services.GetRequiredService<RazorDocumentRenderer>()
            .RenderAsync(new ActionContext(http, route, new ActionDescriptor()), "/Features/Pdf/Views/ReportPdf.cshtml", new PrintedReport(report, name));
        return (html, name.Title);
    }

    public int MaxConcurrentDocuments => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScrutinyTracker.Web.Infrastructure.Pdf.PdfOptions>>().Value.MaxConcurrentDocuments;

    public Task<int> CommitteeOfAsync(int reviewId) =>
        WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SelectCommitteeId).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<ScrutinyDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>());
    }

    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return Token().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
