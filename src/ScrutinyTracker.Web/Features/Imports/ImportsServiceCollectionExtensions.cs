namespace ScrutinyTracker.Web.Features.Imports;

public static class ImportsServiceCollectionExtensions
{
    /// <summary>Importing the council's Word documents: kept uploads, link officers' names, confirmation.</summary>
    public static IServiceCollection AddScrutinyImports(this IServiceCollection services)
    {
        services.AddScoped<PendingImports>();
        services.AddScoped<LinkOfficerMatching>();
        services.AddScoped<ImportConfirmation>();
        services.AddScoped<ImportPreviews>();
        services.AddScoped<LaterRoundImport>();
        return services;
    }
}
