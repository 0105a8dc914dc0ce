namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>How e-mail leaves the app: "Smtp", "Notify" (GOV.UK Notify's API), "Folder" (.eml files, for Development) or "None" (nothing is written).</summary>
public enum EmailProvider
{
    /// <summary>Not set: Smtp when Email:Smtp:Host is set, else Notify when Email:Notify:ApiKey is set, else Folder in Development and None elsewhere.</summary>
    Automatic,
    None,
    Smtp,
    Folder,
    Notify,
}

/// <summary>How an SMTP connection is secured: STARTTLS on a plain port (587), TLS from the start (465), or none (a relay on localhost only).</summary>
public enum SmtpSecurity
{
    StartTls,
    Tls,
    None,
}

/// <summary>The "Email" configuration section (see docs/deployment.md).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Automatic;

    /// <summary>The service's address as people reach it ("https://scrutiny.council.gov.uk"): e-mails link to its pages.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>The sender's address, e.g. scrutiny@council.gov.uk; the council's name is its display name.</summary>
    public string? FromAddress { get; set; }

    public SmtpSettings Smtp { get; set; } = new();

    public NotifySettings Notify { get; set; } = new();

    /// <summary>The folder the Folder provider writes .eml files to, relative to the content root.</summary>
    public string Folder { get; set; } = "App_Data/mail";

    /// <summary>False for an instance that only writes e-mails, when another instance of the app sends them.</summary>
    public bool SendInBackground { get; set; } = true;

    /// <summary>How often the sender looks for messages whose time has come, besides being woken by each new one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one instance holds a message it is sending before another may try it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is marked failed; administrators can retry it from the E-mails page.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; each later one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>How long a connection, a command or a reply may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>GOV.UK Notify (Email:Notify:*): an API key and the id of one template whose subject is ((subject)) and body ((body)).</summary>
public sealed class NotifySettings
{
    /// <summary>Notify's own API, used unless Email:Notify:BaseUrl names another.</summary>
    public const string PublicApiUrl = "https://api.notifications.service.gov.uk";

    /// <summary>The whole key as Notify shows it: "{key name}-{service id}-{secret key}". Never logged or shown.</summary>
    public string? ApiKey { get; set; }

    public string? TemplateId { get; set; }

    /// <summary>The id of one of the service's reply-to addresses in Notify; unset, Notify uses the service's default.</summary>
    public string? ReplyToId { get; set; }

    public string BaseUrl { get; set; } = PublicApiUrl;

    /// <summary>How long one call to Notify may take before the message waits for its next attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}
