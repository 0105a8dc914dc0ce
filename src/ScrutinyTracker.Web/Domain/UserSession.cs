namespace ScrutinyTracker.Web.Domain;

/// <summary>
/// One signed-in browser. The sign-in cookie holds only this session's key, so ending the session
/// here (signing out, "sign out everywhere", deactivation) refuses any copy of the cookie at once.
/// </summary>
public class UserSession
{
    public const int KeyLength = 64;
    public const int UserAgentMaxLength = 512;
    public const int AddressMaxLength = 64;

    public required string Key { get; set; }

    public required string UserId { get; set; }

    public ApplicationUser? User { get; set; }

    /// <summary>The serialized sign-in ticket: who the user is and what roles they had when last checked.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime SignedInAtUtc { get; set; }

    public DateTime LastSeenAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>The browser's User-Agent header, as the browser sent it, to help a person recognise their sessions.</summary>
    public string? UserAgent { get; set; }

    public string? Address { get; set; }
}
