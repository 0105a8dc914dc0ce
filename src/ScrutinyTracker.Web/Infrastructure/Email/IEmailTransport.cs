using MimeKit;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>Hands one message to whatever delivers it: an SMTP server, GOV.UK Notify, or a folder of .eml files in Development.</summary>
public interface IEmailTransport
{
    /// <exception cref="EmailDeliveryException">The message was not accepted; says whether trying again can help.</exception>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    /// <param name="attemptedBefore">
    /// An earlier attempt at this message may have reached the service: it failed, or its claim lapsed
    /// (the sender died before marking it). SMTP relies on the Message-Id for that; Notify asks first.
    /// </param>
    Task SendAsync(MimeMessage message, bool attemptedBefore, CancellationToken cancellationToken) => SendAsync(message, cancellationToken);
}

/// <summary>A message that was not delivered, with the server's reply (or the connection's error).</summary>
public sealed class EmailDeliveryException(string reply, bool permanent, Exception? inner = null) : Exception(reply, inner)
{
    /// <summary>The server refused it for good (a 5xx reply): trying again cannot help.</summary>
    public bool Permanent { get; } = permanent;
}
