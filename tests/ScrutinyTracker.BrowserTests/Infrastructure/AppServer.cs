using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, with its own SQLite file and the Development
/// demo data, for a real browser to talk to.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"scrutinytracker-browser-{Guid.NewGuid():N}.db");
    private string? _baseUrl;

    private readonly Action<IWebHostBuilder>? _configure;

    /// <param name="configure">Settings or services of a journey's own, such as a shorter session.</param>
    public AppServer(Action<IWebHostBuilder>? configure = null)
    {
        _configure = configure;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl
    {
        get
        {
            if (_baseUrl is null)
            {
                StartServer();
                _baseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            }

            return _baseUrl;
        }
    }

    /// <summary>Arranges or reads the app's data directly, for what a journey does not do through the browser.</summary>
    public async Task<T> WithDbAsync<T>(Func<ScrutinyDbContext, Task<T>> work)
    {
        _ = BaseUrl;
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>());
    }

    public Task WithDbAsync(Func<ScrutinyDbContext, Task> work) =>
        WithDbAsync(async db => { await work(db); return true; });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_databaseFile}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in far more often than people; SignInLimitTests checks the limits with their own low settings.
        builder.UseSetting("SignInLimits:PerAddress", "100000");
        builder.UseSetting("SignInLimits:PerAccount", "100000");
        builder.UseSetting("PublicPages:PermitLimit", "100000");
        _configure?.Invoke(builder);
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
