using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ScrutinyTracker.Web.Infrastructure.Email;

/// <summary>Delivers through an SMTP server with MailKit (Email:Smtp:*), one connection per message.</summary>
public sealed class SmtpTransport(EmailSettings settings) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Options.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            throw new EmailDeliveryException($"{(int)e.StatusCode} {e.Message}", permanent: (int)e.StatusCode >= 500, e);
        }
        catch (AuthenticationException e)
        {
            throw new EmailDeliveryException($"The SMTP server refused the user name or password: {e.Message}", permanent: false, e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException or TimeoutException)
        {
            throw new EmailDeliveryException($"Could not reach the SMTP server {smtp.Host}:{smtp.Port}: {e.Message}", permanent: false, e);
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
