using Microsoft.Extensions.Options;
using MimeKit;
using ScrutinyTracker.Web.Infrastructure.Council;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>
/// <see cref="EmailOptions"/> as they apply here: the provider chosen (Automatic resolved), the address
/// links point to and the sender. With no settings, Development writes .eml files and elsewhere nothing
/// is sent (administrators then read out one-time passwords, as before).
/// </summary>
public sealed class EmailSettings(IOptions<EmailOptions> options, IOptions<CouncilOptions> council, IHostEnvironment environment)
{
    private const string DevelopmentSiteUrl = "http://localhost:5000";

    public EmailOptions Options => options.Value;

    public EmailProvider Provider => Resolve(options.Value, environment);

    public bool Enabled => Provider != EmailProvider.None;

    public Uri SiteUrl => new(options.Value.SiteUrl ?? DevelopmentSiteUrl);

    public MailboxAddress From => new(council.Value.Name, options.Value.FromAddress ?? council.Value.ContactEmail);

    /// <summary>An absolute link to a page of the service ("/rounds/3/updates").</summary>
    public Uri Link(string path) => new(SiteUrl, path);

    public string NewMessageId() => $"{Guid.NewGuid():N}@{SiteUrl.Host}";

    public static EmailProvider Resolve(EmailOptions options, IHostEnvironment environment) => options.Provider switch
    {
        EmailProvider.Automatic when !string.IsNullOrWhiteSpace(options.Smtp.Host) => EmailProvider.Smtp,
        EmailProvider.Automatic when !string.IsNullOrWhiteSpace(options.Notify.ApiKey) => EmailProvider.Notify,
        EmailProvider.Automatic => environment.IsDevelopment() ? EmailProvider.Folder : EmailProvider.None,
        var chosen => chosen,
    };
}

/// <summary>Says at start-up what is missing for the provider chosen.</summary>
public sealed class EmailOptionsValidation(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var provider = EmailSettings.Resolve(options, environment);
        var problems = new List<string>();
        if (provider == EmailProvider.Smtp && string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            problems.Add("Set Email:Smtp:Host to the SMTP server's name, e.g. smtp.office365.com, or Email:Provider to None.");
        }

        if (provider == EmailProvider.Notify)
        {
            problems.AddRange(NotifyProblems(options.Notify));
        }

        if (provider != EmailProvider.None && !environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.SiteUrl))
        {
            problems.Add("Set Email:SiteUrl to the address people open the service at, e.g. https://scrutiny.council.gov.uk: e-mails link to it.");
        }

        if (options.SiteUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var site) && site.Scheme is "http" or "https"))
        {
            problems.Add($"Email:SiteUrl must be an http or https address, e.g. https://scrutiny.council.gov.uk, not '{url}'.");
        }

        if (options.FromAddress is { Length: > 0 } from && !MailboxAddress.TryParse(from, out _))
        {
            problems.Add($"Email:FromAddress must be an e-mail address, e.g. scrutiny@council.gov.uk, not '{from}'.");
        }

        if (options.MaxAttempts < 1)
        {
            problems.Add("Email:MaxAttempts must be 1 or more.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>What GOV.UK Notify needs; the key itself never appears in a message.</summary>
    private static IEnumerable<string> NotifyProblems(NotifySettings notify)
    {
        if (string.IsNullOrWhiteSpace(notify.ApiKey))
        {
            yield return "Set Email:Notify:ApiKey to the service's GOV.UK Notify API key (API integration → API keys), or Email:Provider to Smtp or None.";
        }
        else if (!NotifyTransport.IsApiKey(notify.ApiKey))
        {
            yield return "Email:Notify:ApiKey is not a GOV.UK Notify API key: copy the whole key, which ends with the service id and the secret key (two ids of 36 characters joined by '-').";
        }

        if (string.IsNullOrWhiteSpace(notify.TemplateId))
        {
            yield return "Set Email:Notify:TemplateId to the id of the Notify e-mail template whose subject is ((subject)) and whose message is ((body)) (see docs/deployment.md).";
        }
        else if (!Guid.TryParse(notify.TemplateId, out _))
        {
            yield return $"Email:Notify:TemplateId must be a template id as Notify shows it, e.g. f33517ff-2a88-4f6e-b855-c550268ce08a, not '{notify.TemplateId}'.";
        }

        if (notify.ReplyToId is { Length: > 0 } replyTo && !Guid.TryParse(replyTo, out _))
        {
            yield return $"Email:Notify:ReplyToId must be the id of a reply-to address as Notify shows it, not '{replyTo}'.";
        }

        if (!(Uri.TryCreate(notify.BaseUrl, UriKind.Absolute, out var api) && api.Scheme is "http" or "https"))
        {
            yield return $"Email:Notify:BaseUrl must be an http or https address (it defaults to {NotifySettings.PublicApiUrl}), not '{notify.BaseUrl}'.";
        }

        if (notify.Timeout <= TimeSpan.Zero)
        {
            yield return "Email:Notify:Timeout must be more than zero.";
        }
    }
}
