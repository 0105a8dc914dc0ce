using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>Search, with the full-text search of the configured database (decision 0020).</summary>
    public static IServiceCollection AddScrutinySearch(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.SqlServer)
        {
            services.AddScoped<IFullTextSearch, SqlServerFullTextSearch>();
        }
        else
        {
            services.AddScoped<IFullTextSearch, SqliteFullTextSearch>();
        }

        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<SearchPageQuery>();
        return services;
    }
}
