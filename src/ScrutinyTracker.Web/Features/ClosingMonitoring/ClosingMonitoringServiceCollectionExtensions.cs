namespace ScrutinyTracker.Web.Features.ClosingMonitoring;

public static class ClosingMonitoringServiceCollectionExtensions
{
    /// <summary>Ending monitoring of a review or recommendation before everything is signed off.</summary>
    public static IServiceCollection AddScrutinyClosingMonitoring(this IServiceCollection services)
    {
        services.AddScoped<MonitoringClosure>();
        return services;
    }
}
