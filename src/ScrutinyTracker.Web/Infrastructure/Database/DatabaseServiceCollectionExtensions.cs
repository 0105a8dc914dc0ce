using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Auditing;
using ScrutinyTracker.Web.Infrastructure.Caching;
using ScrutinyTracker.Web.Infrastructure.Security.Sessions;
using ScrutinyTracker.Web.Infrastructure.Summaries;

namespace ScrutinyTracker.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddScoped<AuditingInterceptor>();
        services.AddScoped<ReviewSummaryInterceptor>();
        // Every save evicts the cached pages of the reviews it changed, so the cache comes with the database.
        services.AddScrutinyOutputCache();
        // Ending sessions forgets this instance's cached copies once the ending commits, so that cache comes with it too.
        services.AddSingleton<SessionCache>();
        services.AddScoped<SessionEndings>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
                services.AddSingleton<SqliteConnectionSettings>();
                services.AddDbContext<ScrutinyDbContext, SqliteScrutinyDbContext>((sp, db) => db
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<SqliteConnectionSettings>(), sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<ReviewSummaryInterceptor>(), sp.GetRequiredService<ReviewPagesEviction>(), sp.GetRequiredService<SessionEndings>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<ScrutinyDbContext, SqlServerScrutinyDbContext>((sp, db) => db
                    // Transient failures (failover, throttling, a dropped connection) are retried. Each unit of work,
                    // a change and its audit rows, runs whole inside the strategy with its transaction inside it
                    // (ScrutinyDbContext.SaveChangesAsync, TransactionExtensions.InTransactionAsync; decision 0002).
                    .UseSqlServer(options.ConnectionString, sql => sql.EnableRetryOnFailure(
                        maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null))
                    .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<ReviewSummaryInterceptor>(), sp.GetRequiredService<ReviewPagesEviction>(), sp.GetRequiredService<SessionEndings>()));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not '{options.Provider}'.");
        }

        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root, so the database never depends on the working directory.</summary>
    public static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        // Pooling is Microsoft.Data.Sqlite's default; it is kept on whatever the setting says, because the
        // connection settings are made once per pooled connection (SqliteConnectionSettings).
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DataSource is { Length: > 0 } file
            && file != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory
            && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        }

        return builder.ToString();
    }
}
