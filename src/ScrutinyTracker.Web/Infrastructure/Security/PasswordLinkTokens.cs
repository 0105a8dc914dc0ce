using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>
/// A set-password link's token, as Identity's DataProtectorTokenProvider makes one (its creation time, the
/// account, the purpose and the account's security stamp, protected by data protection), but aged on the
/// app's <see cref="TimeProvider"/>: Identity's own reads the system clock, so its expiry could not be
/// shown on a test clock. Setting a password renews the security stamp: each link works once.
/// </summary>
public abstract class ClockedTokenProvider(IDataProtectionProvider dataProtection, TimeProvider clock, string name, TimeSpan lifespan)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector($"ScrutinyTracker.PasswordLinks.{name}");

    public TimeSpan Lifespan => lifespan;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }

        return Convert.ToBase64String(_protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(_protector.Unprotect(Convert.FromBase64String(token))), Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            return clock.GetUtcNow() < created + lifespan
                && reader.ReadString() == await manager.GetUserIdAsync(user)
                && reader.ReadString() == purpose
                && reader.ReadString() == (await manager.GetSecurityStampAsync(user) ?? "")
                && reader.BaseStream.Position == reader.BaseStream.Length;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}

/// <summary>An invitation to a new account: its link lasts 72 hours.</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider dataProtection, TimeProvider clock)
    : ClockedTokenProvider(dataProtection, clock, ProviderName, TimeSpan.FromHours(72))
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "SetFirstPassword";
}

/// <summary>"Forgotten your password?": its link lasts 2 hours. Identity's reset methods use it (IdentityOptions.Tokens.PasswordResetTokenProvider).</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtection, TimeProvider clock)
    : ClockedTokenProvider(dataProtection, clock, ProviderName, TimeSpan.FromHours(2))
{
    public const string ProviderName = "PasswordReset";
}
