namespace ScrutinyTracker.Web.Features.EmailPreferences;

public static class EmailPreferencesServiceCollectionExtensions
{
    public static IServiceCollection AddScrutinyEmailPreferences(this IServiceCollection services) =>
        services.AddSingleton<UnsubscribeLinks>();
}
