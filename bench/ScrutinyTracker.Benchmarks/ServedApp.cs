using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Caching;

namespace ScrutinyTracker.Benchmarks;

/// <summary>The app on Kestrel at a loopback port (so that wrk, a second process, can load it), over its own SQLite file with the demo data.</summary>
public sealed partial class ServedApp : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"scrutinytracker-pages-{Guid.NewGuid():N}.db");

    private readonly bool _cacheReviewPages;

    public ServedApp(bool cacheReviewPages = true)
    {
        _cacheReviewPages = cacheReviewPages;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string ConnectionString => $"Data Source={_databaseFile}";

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // wrk reads the public pages from one address far faster than the per-address limit allows a crawler.
        builder.UseSetting("PublicPages:PermitLimit", "1000000000");
        if (!_cacheReviewPages)
        {
            // The same app with its review pages (the report, the history) rendered for every request: the
            // named policy their [OutputCache] attributes use is replaced by one that caches nothing. Only
            // this benchmark's instance is built so; the app itself has no way to skip its cache.
            builder.ConfigureServices(services => services.PostConfigure<OutputCacheOptions>(options =>
                options.AddPolicy(ReviewPageCache.PolicyName, policy => policy.NoCache(), excludeDefaultPolicy: true)));
        }
    }

    public static ServedApp Start() => Started(new ServedApp());

    /// <summary>A second app over a copy of <paramref name="source"/>'s database (the same data), with its review pages never cached.</summary>
    public static async Task<ServedApp> StartUncachedCopyAsync(ServedApp source)
    {
        var app = new ServedApp(cacheReviewPages: false);
        await source.SaveCopyAsync(app._databaseFile);
        return Started(app);
    }

    private static ServedApp Started(ServedApp app)
    {
        app.StartServer();
        app.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return app;
    }

    /// <summary>The Cookie header of a browser signed in as <paramref name="email"/> that has opened the home page.</summary>
    public async Task<string> SignedInCookieAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var token = await BenchApp.TokenAsync(client, "/account/sign-in");
        var signIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(
            [new("Email", email), new("Password", DemoUsers.Password), new("__RequestVerificationToken", token)]));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)signIn.StatusCode}");
        }

        await client.GetStringAsync("/");
        return cookies.GetCookieHeader(new Uri(BaseUrl));
    }

    /// <summary>A page's size in bytes, read once with the cookie; it must answer 200.</summary>
    public async Task<int> SizeAsync(string url, string cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie.Length > 0)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>Whether, read again, the page comes from the output cache (it then carries an Age header).</summary>
    public async Task<bool> ServedFromCacheAsync(string url, string cookie)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        // A copy is kept from the second read, unless the first had expired and the one after it renewed the
        // session (the security stamp's check, each minute), whose answer sets a cookie and is not kept.
        for (var read = 0; read < 4; read++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request);
            if (response.Headers.Age is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ids the pages need: Hate Crime, its open round and its committee.</summary>
    public async Task<(int ReviewId, int OpenRoundId, int CommitteeId)> HateCrimeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();
        var review = await db.Reviews.AsNoTracking().Where(r => r.Title == "Hate Crime")
            .Select(r => new { r.Id, r.SelectCommitteeId, Open = r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Id).Single() })
            .SingleAsync();
        return (review.Id, review.Open, review.SelectCommitteeId);
    }

    /// <summary>Publishes Hate Crime, as a scrutiny officer's button does, so its public page answers.</summary>
    public async Task PublishHateCrimeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();
        var review = await db.Reviews.SingleAsync(r => r.Title == "Hate Crime");
        review.PublishedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>A consistent copy of this app's database (VACUUM INTO), to profile its queries with sqlite3.</summary>
    public async Task SaveCopyAsync(string file)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $file";
        command.Parameters.AddWithValue("$file", Path.GetFullPath(file));
        await command.ExecuteNonQueryAsync();
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
}
