using MimeKit;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Council;
using Microsoft.Extensions.Options;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>
/// Writes e-mails to the outbox through the caller's context, so they are saved by the caller's own
/// save, in its transaction: the change and its e-mails commit together or not at all.
/// </summary>
public sealed class EmailOutbox(ScrutinyDbContext db, EmailSettings settings, IOptions<CouncilOptions> council, TimeProvider clock)
{
    /// <summary>False when no mail is configured (Email:Provider None): nothing is written.</summary>
    public bool Enabled => settings.Enabled;

    public Uri Link(string path) => settings.Link(path);

    public void Add(string kind, IReadOnlyCollection<EmailRecipient> to, string subject, EmailContent content, IReadOnlyCollection<EmailRecipient>? cc = null)
    {
        if (!Enabled || to.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = settings.NewMessageId(),
            Kind = kind,
            To = Addresses(to),
            Cc = cc is { Count: > 0 } ? Addresses(cc) : null,
            Subject = subject,
            TextBody = content.Text(council.Value.Name),
            HtmlBody = content.Html(council.Value.Name, subject),
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
    }

    private static string Addresses(IEnumerable<EmailRecipient> recipients) =>
        new InternetAddressList(recipients.DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase)
            .Select(r => new MailboxAddress(r.Name, r.Address))).ToString();
}
