using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using System.Text;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Email;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.PasswordLinks;

/// <summary>What a set-password link is for: a new account's first password, or a forgotten one.</summary>
public enum PasswordLinkKind
{
    Invitation,
    Reset,
}

/// <summary>
/// The invitation to a new account and the forgotten-password e-mail, each with a single-use link to
/// set a password (Identity's tokens: 72 hours for an invitation, 2 for a reset). Written to the
/// outbox in the caller's transaction. Always sent, whatever the person's e-mail settings.
/// </summary>
public sealed class PasswordEmails(EmailOutbox outbox, UserManager<ApplicationUser> users, ScrutinyDbContext db, IOptions<ForgottenPasswordLimitOptions> limits, TimeProvider clock)
{
    public const string InvitationKind = "Invitation";
    public const string ResetKind = "PasswordReset";

    public bool Enabled => outbox.Enabled;

    public async Task InvitationAsync(ApplicationUser user, string invitedBy)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        outbox.Add(InvitationKind, [new EmailRecipient(user.Email!, user.DisplayName)], "You have been invited to ScrutinyTracker",
            new EmailContent("Set your password for ScrutinyTracker")
                .Paragraph($"Dear {user.DisplayName},")
                .Paragraph($"{invitedBy} has made you an account on ScrutinyTracker, the council's service for following up scrutiny reviews' recommendations. Your account name is {user.Email}.")
                .Paragraph("Choose your password with the link below. It works once, for 72 hours; after that, ask an administrator for a new invitation.")
                .Link("Set your password", Link(user, token, PasswordLinkKind.Invitation)));
    }

    /// <summary>Writes the reset e-mail unless the account has had <see cref="ForgottenPasswordLimitOptions.PerAccountPerHour"/> in the last hour.</summary>
    public async Task ResetAsync(ApplicationUser user)
    {
        if (!await MaySendResetAsync(user))
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        outbox.Add(ResetKind, [new EmailRecipient(user.Email!, user.DisplayName)], "Reset your ScrutinyTracker password",
            new EmailContent("Reset your password")
                .Paragraph($"Dear {user.DisplayName},")
                .Paragraph("Someone asked to reset the password of your ScrutinyTracker account. If it was you, choose a new password with the link below. It works once, for 2 hours.")
                .Link("Choose a new password", Link(user, token, PasswordLinkKind.Reset))
                .Paragraph("If it was not you, you need do nothing: your password has not changed."));
    }

    /// <summary>Counted from the outbox on the app's clock, so every app instance counts the same e-mails.</summary>
    private async Task<bool> MaySendResetAsync(ApplicationUser user)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var mailbox = $"<{user.Email}>";
        var sent = await db.OutboxMessages.AsNoTracking()
            .CountAsync(m => m.Kind == ResetKind && m.CreatedAtUtc > since && m.To.EndsWith(mailbox));
        return sent < limits.Value.PerAccountPerHour;
    }

    private Uri Link(ApplicationUser user, string token, PasswordLinkKind kind) =>
        outbox.Link($"/account/set-password?user={Uri.EscapeDataString(user.Id)}&kind={kind}&token={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token))}");

    /// <summary>Whether the link's token is still good for this account: not used, not expired, not changed.</summary>
    public async Task<bool> IsValidAsync(ApplicationUser user, PasswordLinkKind kind, string token) => kind == PasswordLinkKind.Invitation
        ? await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token)
        : await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token);

    public static string? ReadToken(string? encoded)
    {
        try
        {
            return string.IsNullOrEmpty(encoded) ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
