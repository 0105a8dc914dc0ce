using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Web;

public static class PipelineExtensions
{
    public static WebApplication UseScrutinyPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseSecurityHeaders(SecurityHeaders.Policy());
        if (!app.Environment.IsDevelopment())
        {
            app.UseMiddleware<HttpsOnlyMiddleware>();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: a cached review page is only looked up for a reader already let in (Caching/ReviewPagePolicy).
        app.UseOutputCache();
        app.UseMiddleware<Forms.FormReadingMiddleware>();

        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapControllers();
        return app;
    }

    /// <summary>Trusts X-Forwarded-Proto and X-Forwarded-For from loopback and the configured proxies only.</summary>
    public static IServiceCollection AddScrutinyForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>()
            .BindConfiguration(ForwardedHeadersSettings.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.ForwardLimit = settings.Value.ForwardLimit;
                foreach (var proxy in settings.Value.Proxies())
                {
                    options.KnownProxies.Add(proxy);
                }

                foreach (var network in settings.Value.Networks())
                {
                    options.KnownIPNetworks.Add(network);
                }
            });
        return services;
    }
}
