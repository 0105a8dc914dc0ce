using ScrutinyTracker.Web.Features.Reviews;
using ScrutinyTracker.Web.Features.Rounds;

namespace ScrutinyTracker.Web.Features.Plans;

public static class PlanningServiceCollectionExtensions
{
    /// <summary>The queries and services of setting up reviews, their action plans and rounds.</summary>
    public static IServiceCollection AddScrutinyPlanning(this IServiceCollection services)
    {
        services.AddScoped<ReviewFormOptions>();
        services.AddScoped<ReviewOverviewQuery>();
        services.AddScoped<PlanQuery>();
        services.AddScoped<PlanOrder>();
        services.AddScoped<PlanDeletion>();
        services.AddScoped<RoundOpening>();
        services.AddScoped<DueForUpdateQuery>();
        return services;
    }
}
