namespace ScrutinyTracker.Web.Infrastructure.Email;

public enum OutboxStatus
{
    /// <summary>Not sent yet: due now, or after a failure at <see cref="OutboxMessage.NextAttemptAtUtc"/>.</summary>
    Waiting,
    Sent,

    /// <summary>Refused for good by the server, or failed every attempt; an administrator can retry it.</summary>
    Failed,
}

/// <summary>
/// An e-mail written in the same transaction as the change that causes it, then delivered by the
/// background sender (<see cref="OutboxSender"/>). Its Message-Id stays the same on every attempt, so
/// a message sent again after a crash is the same message to the recipient's mail system.
/// </summary>
public class OutboxMessage
{
    public const int MessageIdMaxLength = 200;
    public const int KindMaxLength = 50;
    public const int AddressesMaxLength = 4000;
    public const int SubjectMaxLength = 300;
    public const int LastErrorMaxLength = 2000;

    public int Id { get; set; }

    /// <summary>The RFC 5322 Message-Id, without angle brackets ("4f0c…@scrutiny.council.gov.uk").</summary>
    public required string MessageId { get; set; }

    /// <summary>Which message this is ("RoundOpened"), for the administrators' list.</summary>
    public required string Kind { get; set; }

    /// <summary>RFC 5322 address lists ("Lee Link &lt;lee@council.gov.uk&gt;, …").</summary>
    public required string To { get; set; }

    public string? Cc { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Waiting;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>Set while one instance sends it; another may take it only once this has passed.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    public int Attempts { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>The server's reply (or the connection's error) at the last failed attempt.</summary>
    public string? LastError { get; set; }
}
