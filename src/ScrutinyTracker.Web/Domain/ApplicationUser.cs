using Microsoft.AspNetCore.Identity;

namespace ScrutinyTracker.Web.Domain;

/// <summary>A person who signs in: officer, administrator or committee member.</summary>
public class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    public required string DisplayName { get; set; }

    /// <summary>Deactivated users keep their history but cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set when an administrator gives a one-time password.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Turned off on "Your e-mail settings" or from a reminder's link: no reminders or chasers.</summary>
    public bool RemindersOff { get; set; }

    /// <summary>Turned off likewise: no weekly digest. Invitations and password resets are always sent.</summary>
    public bool DigestOff { get; set; }
}
