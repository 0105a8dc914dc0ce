using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Features.Public.OpenData;

namespace ScrutinyTracker.Web.Features.Public;

public static class PublicServiceCollectionExtensions
{
    /// <summary>The public pages of published reviews and their open data: the reader, validators, rate limit and licence.</summary>
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
        services.AddOptions<OpenDataOptions>()
            .BindConfiguration(OpenDataOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<OpenDataQuery>();
        services.AddScoped<RoundsFeed>();
        return services;
    }
}
