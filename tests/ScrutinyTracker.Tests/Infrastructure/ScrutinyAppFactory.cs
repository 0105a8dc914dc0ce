using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// The real app over its own SQLite file, migrated and seeded with the demo data as in Development.
/// Each factory (one per test class) gets a fresh database file, deleted afterwards.
/// </summary>
public class ScrutinyAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"scrutinytracker-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_databaseFile}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in far more often than people; SignInLimitTests checks the limits with their own low settings.
        builder.UseSetting("SignInLimits:PerAddress", "100000");
        builder.UseSetting("SignInLimits:PerAccount", "100000");
        builder.UseSetting("PublicPages:PermitLimit", "100000");
        // SQL Server retries in production; a retrying strategy here makes any transaction begun outside it fail the tests.
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteScrutinyDbContext>(RetryingTestStrategy.Use));
    }

    /// <summary>A scope for arranging and checking data directly in the database.</summary>
    public async Task<T> WithDbAsync<T>(Func<ScrutinyDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>());
    }

    public Task WithDbAsync(Func<ScrutinyDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    /// <summary>A client that does not follow redirects, so tests see where they lead.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });

    protected virtual Uri BaseAddress => new("http://localhost");

    /// <summary>A browser signed in through the sign-in page as <paramref name="email"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = CreateBrowser();
        await client.SignInAsync(email);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }
}
