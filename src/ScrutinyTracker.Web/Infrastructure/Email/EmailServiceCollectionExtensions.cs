using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox, its background sender and the transport Email:Provider chooses (Email:* settings, checked at start-up).</summary>
    public static IServiceCollection AddScrutinyEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<EmailSettings>();
        services.TryAddSingleton<OutboxSignal>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<OutboxDelivery>();
        services.AddSingleton<SmtpTransport>();
        services.AddSingleton<FolderTransport>();
        services.AddSingleton<NotifyTransport>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<EmailSettings>().Provider switch
        {
            EmailProvider.Folder => sp.GetRequiredService<FolderTransport>(),
            EmailProvider.Notify => sp.GetRequiredService<NotifyTransport>(),
            _ => sp.GetRequiredService<SmtpTransport>(),
        });
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
