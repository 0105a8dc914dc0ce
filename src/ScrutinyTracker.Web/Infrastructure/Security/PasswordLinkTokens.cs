using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>Options of <see cref="InvitationTokenProvider"/>: an invitation's link lasts 72 hours.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenProviderOptions()
    {
        Name = InvitationTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(72);
    }
}

/// <summary>
/// Identity's data-protection token provider with a lifespan of its own for invitations (72 hours), while
/// password-reset links keep the default provider's (set to 2 hours). Both tokens carry the account's
/// security stamp, which setting a password renews: each link works once.
/// </summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider dataProtection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtection, options, logger)
{
    public const string ProviderName = "Invitation";
    public const string Purpose = "SetFirstPassword";
}
