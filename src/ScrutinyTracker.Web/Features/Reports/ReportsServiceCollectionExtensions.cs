using ScrutinyTracker.Web.Features.Dashboard;

namespace ScrutinyTracker.Web.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The read side for committee members: reports, grade history and the dashboard.</summary>
    public static IServiceCollection AddScrutinyReports(this IServiceCollection services)
    {
        services.AddScoped<ReportPlanQuery>();
        services.AddScoped<ReportQuery>();
        services.AddScoped<HistoryQuery>();
        services.AddScoped<DashboardQuery>();
        return services;
    }
}
