using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Infrastructure.Security;

/// <summary>How long a signed-in session lasts without use, and when the page warns that it is ending.</summary>
public sealed class SignInSessionOptions : IValidatableObject
{
    public const string Section = "Session";

    /// <summary>A session ends this long after the user's last request (the sign-in cookie's sliding expiry).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long before the end the timeout warning appears, with "Stay signed in".</summary>
    public TimeSpan WarningBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a signed-in user's account is checked again (deactivated, role changed, password set,
    /// signed out everywhere). At most a minute, so rights end within a minute of such a change.
    /// </summary>
    public TimeSpan ValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long this instance answers a session it has read from its own copy (decision 0026). Ending a
    /// session on this instance forgets the copy at once; another instance sees the end within this time.
    /// 0 reads every request's session from the database.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often expired sessions are deleted from the database.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>"8 hours", "20 minutes", "1 hour 30 minutes".</summary>
    public static string InWords(TimeSpan span)
    {
        static string Unit(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
        var hours = (int)span.TotalHours;
        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(Unit(hours, "hour"));
        }

        if (span.Minutes > 0 || hours == 0)
        {
            parts.Add(Unit(Math.Max(span.Minutes, 1), "minute"));
        }

        return string.Join(" ", parts);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout < TimeSpan.FromMinutes(2))
        {
            yield return new ValidationResult("Session:IdleTimeout must be at least 2 minutes.", [nameof(IdleTimeout)]);
        }

        // "Stay signed in" renews the cookie by its sliding expiry, which renews only once half its time has passed.
        if (WarningBefore < TimeSpan.FromSeconds(30) || WarningBefore > IdleTimeout / 2)
        {
            yield return new ValidationResult("Session:WarningBefore must be at least 30 seconds and at most half of Session:IdleTimeout.", [nameof(WarningBefore)]);
        }

        if (ValidationInterval <= TimeSpan.Zero || ValidationInterval > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(
                $"Session:ValidationInterval must be more than 0 and at most 00:01:00 (it is {ValidationInterval}), so a deactivated account loses access within a minute.",
                [nameof(ValidationInterval)]);
        }

        if (CacheDuration < TimeSpan.Zero || CacheDuration > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("Session:CacheDuration must be between 00:00:00 (no cache) and 00:00:30.", [nameof(CacheDuration)]);
        }

        if (CleanupInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Session:CleanupInterval must be more than 0, for example 01:00:00.", [nameof(CleanupInterval)]);
        }
    }
}
