using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace ScrutinyTracker.Web.Features.EmailPreferences;

/// <summary>The settings a link in an e-mail can turn off without signing in.</summary>
public enum EmailSetting
{
    Reminders,
    Digest,
}

/// <summary>
/// Signed links that turn off one setting of one person without signing in ("/email-settings/unsubscribe?token=…").
/// The token names the person and the setting, protected by the app's data-protection keys, so it can
/// neither be made nor changed to reach another setting or another person.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("ScrutinyTracker.EmailSettings.Unsubscribe.v1");

    public string Path(string userId, EmailSetting setting) =>
        "/email-settings/unsubscribe?token=" + WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{setting}|{userId}")));

    public (string UserId, EmailSetting Setting)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split('|', 2);
            return parts.Length == 2 && Enum.TryParse<EmailSetting>(parts[0], out var setting) ? (parts[1], setting) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
