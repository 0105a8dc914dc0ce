using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Features.PasswordLinks;

public static class PasswordLinksServiceCollectionExtensions
{
    /// <summary>Invitation and reset e-mails, and the limits of "Forgotten your password?".</summary>
    public static IServiceCollection AddScrutinyPasswordLinks(this IServiceCollection services)
    {
        services.AddOptions<ForgottenPasswordLimitOptions>()
            .BindConfiguration(ForgottenPasswordLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ForgottenPasswordLimitOptions>>((limiter, limits) =>
                limiter.AddPolicy(ForgottenPasswordLimits.PerAddressPolicy, new ForgottenPasswordLimits(limits.Value)));
        return services.AddScoped<PasswordEmails>();
    }
}
