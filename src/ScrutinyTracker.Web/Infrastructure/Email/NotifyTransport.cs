using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Notify.Client;
using Notify.Exceptions;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>
/// Delivers through GOV.UK Notify's API with its .NET client (Email:Notify:*). Notify sends from its own
/// template, so one template whose subject is ((subject)) and body ((body)) carries every message: the
/// subject and the plain-text part go in as personalisation and Notify renders its own HTML. Notify takes
/// one address a call, so each recipient (To and Cc) gets a notification of their own, all with the
/// message's Message-Id as their reference. A message tried before is looked up by that reference first
/// and not sent again to a recipient Notify already has it for (docs/decisions/0028).
/// </summary>
public sealed partial class NotifyTransport(EmailSettings settings, ILogger<NotifyTransport> logger) : IEmailTransport
{
    /// <summary>Zero width: put before a line Notify's markdown would take for a heading, list, inset text or rule, it stays a plain line.</summary>
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Notify's own failures (e.g. between Notify and its e-mail provider): it asks for the message to be sent again.</summary>
    private const string TechnicalFailure = "technical-failure";

    /// <summary>A bound on the pages of one reference's notifications (Notify returns 250 a page): far more than any message has recipients.</summary>
    private const int MaxPages = 20;

    private readonly object _sync = new();
    private NotificationClient? _client;

    private NotifySettings Notify => settings.Options.Notify;

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => SendAsync(message, attemptedBefore: true, cancellationToken);

    public async Task SendAsync(MimeMessage message, bool attemptedBefore, CancellationToken cancellationToken)
    {
        var reference = message.MessageId ?? throw new ArgumentException("The message has no Message-Id.", nameof(message));
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var accepted = attemptedBefore ? await AcceptedAsync(reference, cancellationToken) : [];
        var personalisation = new Dictionary<string, object>
        {
            ["subject"] = message.Subject ?? "",
            ["body"] = Markdown(message.TextBody ?? ""),
        };
        EmailDeliveryException? refused = null;
        foreach (var address in recipients)
        {
            if (accepted.Contains(address))
            {
                logger.LogInformation("E-mail {MessageId}: GOV.UK Notify already has it for one recipient; not sent to them again", reference);
                continue;
            }

            try
            {
                await CallAsync(client => client.SendEmailAsync(address, Notify.TemplateId, personalisation, reference, string.IsNullOrWhiteSpace(Notify.ReplyToId) ? null : Notify.ReplyToId), cancellationToken);
            }
            catch (EmailDeliveryException e) when (e.Permanent)
            {
                // The others still get theirs; the message is marked failed with this reply.
                refused ??= new EmailDeliveryException($"{address}: {e.Message}", permanent: true, e);
            }
        }

        if (refused is not null)
        {
            throw refused;
        }
    }

    /// <summary>The addresses Notify already has a notification for with this reference (any status but its own technical failure).</summary>
    private async Task<HashSet<string>> AcceptedAsync(string reference, CancellationToken cancellationToken)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var olderThan = "";
        for (var page = 0; page < MaxPages; page++)
        {
            var list = await CallAsync(client => client.GetNotificationsAsync("email", "", reference, olderThan), cancellationToken);
            var notifications = list?.notifications ?? [];
            foreach (var notification in notifications)
            {
                if (notification.reference == reference && notification.status != TechnicalFailure && notification.emailAddress is { Length: > 0 } address)
                {
                    accepted.Add(address);
                }
            }

            if (notifications.Count == 0 || string.IsNullOrEmpty(list?.links?.next))
            {
                break;
            }

            olderThan = notifications[^1].id;
        }

        return accepted;
    }

    /// <summary>
    /// One call to Notify. The client (6.0.0) waits for the reply on the calling thread and takes no
    /// cancellation, so it runs on the thread pool and is waited for up to Email:Notify:Timeout.
    /// </summary>
    private async Task<T> CallAsync<T>(Func<NotificationClient, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(() => call(Client), cancellationToken).WaitAsync(Notify.Timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw Failure(e);
        }
    }

    private NotificationClient Client
    {
        get
        {
            lock (_sync)
            {
                return _client ??= new NotificationClient(Notify.BaseUrl, Notify.ApiKey ?? "");
            }
        }
    }

    /// <summary>400 and 403 (and any other 4xx but 408 and 429) are Notify refusing the message for good; the rest may pass later.</summary>
    private EmailDeliveryException Failure(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerException!;
        }

        switch (e)
        {
            case TimeoutException:
                return new EmailDeliveryException($"GOV.UK Notify did not answer within {Notify.Timeout.TotalSeconds:0} seconds.", permanent: false, e);
            case NotifyAuthException:
                return new EmailDeliveryException("Email:Notify:ApiKey is not a GOV.UK Notify API key.", permanent: true, e);
            case NotifyClientException when StatusCode().Match(e.Message) is { Success: true } match:
                var status = int.Parse(match.Groups[1].Value);
                var permanent = status is >= 400 and < 500 and not 408 and not 429;
                return new EmailDeliveryException($"GOV.UK Notify answered {status}: {Errors(e.Message)}", permanent, e);
            default:
                return new EmailDeliveryException($"Could not reach GOV.UK Notify at {Notify.BaseUrl}: {e.Message}", permanent: false, e);
        }
    }

    /// <summary>Notify's error messages from the client's exception, which quotes Notify's JSON reply ({"errors": [{"error": …, "message": …}]}).</summary>
    private static string Errors(string exceptionMessage)
    {
        var messages = ErrorMessage().Matches(exceptionMessage)
            .Select(m => JsonSerializer.Deserialize<string>($"\"{m.Groups[1].Value}\"") ?? "")
            .Where(m => m.Length > 0).Distinct().ToList();
        return messages.Count > 0 ? string.Join("; ", messages) : exceptionMessage;
    }

    [GeneratedRegex(@"Status code (\d{3})")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"""message""\s*:\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ErrorMessage();

    /// <summary>
    /// The plain text as Notify's markdown should show it: each line that would start a heading (#), a
    /// list (*, -, •, "1."), inset text (^), a rule or a setext underline (---, ===), a table (|, :) or
    /// code (indent, ```, ~~~) gets a zero-width space in front; backslashes and "[" (links) are escaped.
    /// Web addresses stay as they are, and Notify makes them links.
    /// </summary>
    public static string Markdown(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var markdown = new StringBuilder(text.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Replace("\\", "\\\\").Replace("[", "\\[");
            if (StartsBlock(line))
            {
                markdown.Append(ZeroWidthSpace);
            }

            markdown.Append(line);
            if (i < lines.Length - 1)
            {
                markdown.Append('\n');
            }
        }

        return markdown.ToString();
    }

    private static bool StartsBlock(string line)
    {
        if (line.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(line[0]))
        {
            return line.Trim().Length > 0;
        }

        if ("#*-+•^>=|:`~_<".Contains(line[0]))
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < line.Length && line[digits] is '.' or ')';
    }

    /// <summary>The shape of a Notify API key: "{key name}-{service id}-{secret key}", both ids GUIDs (what the client itself reads).</summary>
    public static bool IsApiKey(string key) =>
        key.Length >= 74 && !key.Contains(' ')
        && key[^37] == '-' && key[^74] == '-'
        && Guid.TryParseExact(key[^73..^37], "D", out _)
        && Guid.TryParseExact(key[^36..], "D", out _);
}
