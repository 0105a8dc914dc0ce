namespace ScrutinyTracker.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyPdf(this IServiceCollection services)
    {
        services.AddOptions<PdfOptions>()
            .BindConfiguration(PdfOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One browser for the whole app, closed when the app stops.
        services.AddSingleton<ChromiumHost>();
        services.AddSingleton<PdfRenderer>();
        return services;
    }
}
