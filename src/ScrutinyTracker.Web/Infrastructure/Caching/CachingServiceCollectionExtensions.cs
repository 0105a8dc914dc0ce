namespace ScrutinyTracker.Web.Infrastructure.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>Output caching of review pages (<see cref="ReviewPagePolicy"/>) and public pages (<see cref="PublicPagePolicy"/>), in this instance's memory.</summary>
    public static IServiceCollection AddScrutinyOutputCache(this IServiceCollection services)
    {
        services.AddSingleton<ReviewPageCache>();
        services.AddScoped<ReviewPagesEviction>();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(ReviewPageCache.PolicyName, builder => builder.AddPolicy<ReviewPagePolicy>(), excludeDefaultPolicy: true);
            options.AddPolicy(ReviewPageCache.PublicPolicyName, builder => builder.AddPolicy<PublicPagePolicy>(), excludeDefaultPolicy: true);
        });
        return services;
    }
}
