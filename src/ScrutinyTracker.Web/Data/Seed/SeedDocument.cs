using System.Text.Json;

namespace ScrutinyTracker.Web.Data.Seed;

/// <summary>
/// The structured reading of a council progress-update document, as kept in
/// hate-crime-progress-update-march-2020.json beside this file.
/// </summary>
public sealed record SeedDocument(
    string DocumentTitle,
    string Review,
    IReadOnlyList<string> LinkOfficers,
    string ActionPlanAgreed,
    string Introduction,
    string Round,
    IReadOnlyDictionary<string, string> Gradings,
    IReadOnlyList<SeedRecommendation> Recommendations)
{
    public const string HateCrimeResource = "ScrutinyTracker.Web.Data.Seed.hate-crime-progress-update-march-2020.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SeedDocument LoadHateCrime()
    {
        using var stream = typeof(SeedDocument).Assembly.GetManifestResourceStream(HateCrimeResource)
            ?? throw new InvalidOperationException($"The embedded resource {HateCrimeResource} is missing from the build.");
        return JsonSerializer.Deserialize<SeedDocument>(stream, Json)
            ?? throw new InvalidOperationException($"{HateCrimeResource} is empty.");
    }
}

public sealed record SeedRecommendation(int Number, string Text, IReadOnlyList<SeedAction>? Actions, IReadOnlyList<SeedPart>? Parts);

public sealed record SeedPart(string Letter, string Text, IReadOnlyList<SeedAction> Actions);

public sealed record SeedAction(
    string? Heading,
    string Responsibility,
    string Date,
    string AgreedAction,
    string SuccessMeasure,
    string? Evidence,
    int? Grade);
