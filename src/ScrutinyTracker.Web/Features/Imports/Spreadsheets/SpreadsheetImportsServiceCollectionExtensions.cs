namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

public static class SpreadsheetImportsServiceCollectionExtensions
{
    /// <summary>Importing a review's action plan from an Excel or CSV file; its uploads wait in the Word import's <see cref="PendingImports"/>.</summary>
    public static IServiceCollection AddScrutinySpreadsheetImports(this IServiceCollection services)
    {
        services.AddScoped<ImportTargetQuery>();
        services.AddScoped<PlanImporting>();
        return services;
    }
}
