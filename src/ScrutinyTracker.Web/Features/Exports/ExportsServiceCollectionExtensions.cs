namespace ScrutinyTracker.Web.Features.Exports;

public static class ExportsServiceCollectionExtensions
{
    /// <summary>Spreadsheets and Word documents made from what the report, dashboard and committee packs show.</summary>
    public static IServiceCollection AddScrutinyExports(this IServiceCollection services)
    {
        services.AddScoped<ActionExportQuery>();
        return services;
    }
}
