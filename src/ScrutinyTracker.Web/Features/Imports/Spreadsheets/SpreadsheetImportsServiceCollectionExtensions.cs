namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

public static class SpreadsheetImportsServiceCollectionExtensions
{
    /// <summary>Importing a review's action plan from an Excel or CSV file.</summary>
    public static IServiceCollection AddScrutinySpreadsheetImports(this IServiceCollection services)
    {
        services.AddScoped<ImportTargetQuery>();
        services.AddScoped<PlanImporting>();
        services.AddSingleton<PendingPlanImports>();
        return services;
    }
}
