namespace ScrutinyTracker.Web.Features.Updates;

public static class UpdatesServiceCollectionExtensions
{
    /// <summary>Progress updates: link officers' round form.</summary>
    public static IServiceCollection AddScrutinyUpdates(this IServiceCollection services)
    {
        services.AddScoped<RoundUpdatesQuery>();
        services.AddScoped<RoundUpdatesEditor>();
        services.AddScoped<MyUpdatesQuery>();
        return services;
    }
}
