namespace ScrutinyTracker.Web.Features.Emails;

public static class EmailsServiceCollectionExtensions
{
    /// <summary>The e-mails of a round's life and who they go to.</summary>
    public static IServiceCollection AddScrutinyEmails(this IServiceCollection services)
    {
        services.AddScoped<EmailRecipients>();
        services.AddScoped<ProgressEmails>();
        return services;
    }
}
