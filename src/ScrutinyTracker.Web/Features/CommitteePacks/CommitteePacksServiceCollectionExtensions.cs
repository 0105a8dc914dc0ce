namespace ScrutinyTracker.Web.Features.CommitteePacks;

public static class CommitteePacksServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyCommitteePacks(this IServiceCollection services)
    {
        services.AddScoped<CommitteePackChoicesQuery>();
        services.AddScoped<CommitteePackQuery>();
        services.AddScoped<CommitteePackPrinter>();
        return services;
    }
}
