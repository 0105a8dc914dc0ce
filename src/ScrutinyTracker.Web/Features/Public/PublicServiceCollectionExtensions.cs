using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Features.Public;

public static class PublicServiceCollectionExtensions
{
    /// <summary>The public pages of published reviews: their reader, validators and rate limit.</summary>
    public static IServiceCollection AddScrutinyPublicPages(this IServiceCollection services)
    {
        services.AddOptions<PublicPageLimitOptions>()
            .BindConfiguration(PublicPageLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<PublicPageLimitOptions>>((limiter, limits) => limiter.AddPolicy(PublicPageLimits.Policy, new PublicPageLimits(limits.Value)));
        services.AddScoped<PublicReports>();
        services.AddScoped<PublicFreshness>();
        services.AddScoped<PublicListQuery>();
        return services;
    }
}
