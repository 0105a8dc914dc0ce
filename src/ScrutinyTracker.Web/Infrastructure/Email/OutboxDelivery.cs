using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>
/// Sends the outbox's due messages. Each is claimed first by one atomic UPDATE (so two app instances
/// never send it at the same time), sent with its own Message-Id, then marked sent. A crash between the
/// server accepting it and the mark leaves the claim to expire and the message is sent again, with the
/// same Message-Id: delivery is at least once, and the recipient's mail system sees one message.
/// </summary>
public sealed class OutboxDelivery(ScrutinyDbContext db, EmailSettings settings, IEmailTransport transport, TimeProvider clock, ILogger<OutboxDelivery> logger)
{
    private const int BatchSize = 20;

    /// <summary>Sends every message due now; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        while (true)
        {
            var now = Now;
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(Due(now))
                .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var message in due)
            {
                if (await TryClaimAsync(message.Id, now, cancellationToken))
                {
                    await DeliverAsync(message, cancellationToken);
                    attempted++;
                }
            }

            if (due.Count < BatchSize)
            {
                return attempted;
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Expression<Func<OutboxMessage, bool>> Due(DateTime now) => m =>
        m.Status == OutboxStatus.Waiting && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now);

    private async Task<bool> TryClaimAsync(int id, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + settings.Options.ClaimDuration;
        return await db.OutboxMessages.Where(m => m.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, until), cancellationToken) == 1;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(ToMime(message), AttemptedBefore(message), cancellationToken);
        }
        catch (EmailDeliveryException e)
        {
            await RecordFailureAsync(message, e, cancellationToken);
            return;
        }

        // Not cancelled once the server has it: the mark is what stops it being sent again.
        var now = Now;
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAtUtc, now)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
    }

    /// <summary>
    /// Tried before and not known to be unsent: a failed attempt (kept in LastError even after an
    /// administrator's retry resets Attempts), or a claim that lapsed without a mark (read before this claim).
    /// </summary>
    private static bool AttemptedBefore(OutboxMessage message) =>
        message.Attempts > 0 || message.LastError is not null || message.ClaimedUntilUtc is not null;

    private async Task RecordFailureAsync(OutboxMessage message, EmailDeliveryException failure, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var failed = failure.Permanent || attempts >= settings.Options.MaxAttempts;
        var next = Now + RetryDelay(attempts);
        var reply = failure.Message.Length > OutboxMessage.LastErrorMaxLength ? failure.Message[..OutboxMessage.LastErrorMaxLength] : failure.Message;
        logger.LogWarning("E-mail {MessageId} ({Kind}) not sent, attempt {Attempts}: {Reply}", message.MessageId, message.Kind, attempts, reply);
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, failed ? OutboxStatus.Failed : OutboxStatus.Waiting)
                .SetProperty(m => m.NextAttemptAtUtc, next)
                .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, reply), cancellationToken);
    }

    /// <summary>1 minute after the first failure, then twice as long each time, up to Email:MaxRetryDelay.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var options = settings.Options;
        var delay = options.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc)),
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(settings.From);
        mime.To.AddRange(InternetAddressList.Parse(message.To));
        if (message.Cc is { Length: > 0 } cc)
        {
            mime.Cc.AddRange(InternetAddressList.Parse(cc));
        }

        // RFC 3834: out-of-office replies are not sent back to the service.
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        return mime;
    }
}
