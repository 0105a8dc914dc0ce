using System.Security.Cryptography;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>Suggests one-time passwords: four random words are easy to read out and pass the length rule.</summary>
public static class OneTimePasswords
{
    private static readonly string[] Words =
    [
        "amber", "badge", "cedar", "delta", "ember", "fable", "grove", "harbor", "ivory", "juniper", "kestrel", "lantern",
        "meadow", "nectar", "orbit", "pebble", "quartz", "river", "saffron", "timber", "umber", "velvet", "willow", "yonder",
    ];

    public static string Suggest() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => Words[RandomNumberGenerator.GetInt32(Words.Length)]))
        + RandomNumberGenerator.GetInt32(10, 100);
}
