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
        services.AddSingleton<PdfPagePool>();
        services.AddSingleton<PdfRenderer>();

        // Printing Razor views: the page a PDF is printed from is rendered to a string first.
        services.AddSingleton<Features.Pdf.PrintStylesheet>();
        services.AddScoped<Features.Pdf.RazorDocumentRenderer>();
        services.AddScoped<Features.Pdf.PrintedReports>();
        return services;
    }
}
