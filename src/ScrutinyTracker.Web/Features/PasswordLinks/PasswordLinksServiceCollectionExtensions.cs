namespace ScrutinyTracker.Web.Features.PasswordLinks;

public static class PasswordLinksServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyPasswordLinks(this IServiceCollection services) =>
        services.AddScoped<PasswordEmails>();
}
