using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Infrastructure.Summaries;

namespace ScrutinyTracker.Web.Infrastructure.Database;

/// <summary>Creates and migrates the database at start-up, then seeds demo data in Development.</summary>
public sealed class DatabaseInitializer(
    ScrutinyDbContext db,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            EnsureSqliteFolderExists(db.Database.GetConnectionString());
        }

        await db.Database.MigrateAsync(cancellationToken);
        await RoleSeeder.EnsureRolesAsync(services);
        await ReviewSummaries.FillMissingAsync(db, cancellationToken);

        if (environment.IsDevelopment() && options.Value.SeedDemoData)
        {
            await ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).SeedAsync(cancellationToken);
        }
    }

    private void EnsureSqliteFolderExists(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            logger.LogInformation("Creating the folder {Folder} for the SQLite database", folder);
            Directory.CreateDirectory(folder);
        }
    }
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
