using System.Security.Cryptography;

namespace ScrutinyTracker.Web.Features.Users;

/// <summary>
/// Suggests one-time passwords: four random words from 64 and a number, easy to read out, about 30 bits
/// of randomness, and always strong enough for <see cref="Infrastructure.Security.StrongPasswordValidator"/>
/// (a test checks many of them).
/// </summary>
public static class OneTimePasswords
{
    private static readonly string[] Words =
    [
        "amber", "badge", "cedar", "delta", "ember", "fable", "grove", "harbor", "ivory", "juniper", "kestrel", "lantern",
        "meadow", "nectar", "orbit", "pebble", "quartz", "river", "saffron", "timber", "umber", "velvet", "willow", "yonder",
        "acorn", "beacon", "canyon", "dolphin", "falcon", "glacier", "hazel", "island", "jasper", "kettle", "lagoon", "marble",
        "nutmeg", "otter", "pepper", "quiver", "rocket", "salmon", "thistle", "tunnel", "violet", "walnut", "zephyr", "anchor",
        "bramble", "copper", "dune", "eagle", "fern", "granite", "heron", "indigo", "jigsaw", "kayak", "lemon", "maple",
        "nimbus", "oyster", "puffin", "raven",
    ];

    public static string Suggest() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => Words[RandomNumberGenerator.GetInt32(Words.Length)]))
        + RandomNumberGenerator.GetInt32(10, 100);
}
