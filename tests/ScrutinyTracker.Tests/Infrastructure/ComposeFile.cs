using System.Text.RegularExpressions;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// The app service's environment as docker-compose.yml sets it, with compose's variable defaults applied
/// (<c>${NAME:-default}</c>) and required variables (<c>${NAME:?message}</c>) given a sample value.
/// </summary>
public static partial class ComposeFile
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScrutinyTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with ScrutinyTracker.sln) was not found above the test's folder.");
    }

    public static IReadOnlyDictionary<string, string> AppEnvironment()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        var app = Array.FindIndex(lines, l => l == "  app:");
        var environment = Array.FindIndex(lines, app, l => l == "    environment:");
        var settings = new Dictionary<string, string>();
        foreach (var line in lines.Skip(environment + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal) || l.Trim().Length == 0))
        {
            if (line.TrimStart().StartsWith('#') || !line.Contains(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            settings[line[..colon].Trim()] = Substitute(line[(colon + 1)..].Trim().Trim('"'));
        }

        return settings;
    }

    /// <summary>A variable's default, or for a required one a sample value of its kind.</summary>
    private static string Substitute(string value) =>
        Variable().Replace(value, m => m.Groups["default"].Success ? m.Groups["default"].Value : m.Groups["name"].Value switch
        {
            "COUNCIL_NAME" => "Composeshire County Council",
            "COUNCIL_CONTACT_EMAIL" => "scrutiny@composeshire.gov.uk",
            _ => "Sample-Password-1",
        });

    [GeneratedRegex(@"\$\{(?<name>[A-Z_]+)(?::-(?<default>[^}]*)|:\?[^}]*)?\}")]
    private static partial Regex Variable();
}
