using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>The "SignInLimits" configuration section: how many sign-in attempts are allowed before 429.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    /// <summary>Attempts from one client address per window. A council's offices often share one address, so this is generous.</summary>
    [Range(1, 100_000, ErrorMessage = "SignInLimits:PerAddress must be between 1 and 100000.")]
    public int PerAddress { get; set; } = 50;

    /// <summary>Attempts at one account name (email address) per window, whatever the address.</summary>
    [Range(1, 100_000, ErrorMessage = "SignInLimits:PerAccount must be between 1 and 100000.")]
    public int PerAccount { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "SignInLimits:Window must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
