namespace ScrutinyTracker.Web.Features.Users;

/// <summary>"Edge on Windows" from a User-Agent header, so a person can tell their sessions apart.</summary>
public static class BrowserNames
{
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Token, string Name)[] Systems =
        [("Windows", "Windows"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Mac OS X", "Mac"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => userAgent.Length <= 60 ? userAgent : userAgent[..60] + "…",
            (not null, not null) => $"{browser} on {system}",
            _ => browser ?? $"A browser on {system}",
        };
    }
}
