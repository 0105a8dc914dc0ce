using System.Text.RegularExpressions;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// The document's header, as lines ("Review: Hate Crime") or as a table of labels and values:
/// Review, Link Officer/s (or Link Officer(s), Link Officers), Action Plan Agreed.
/// </summary>
public sealed partial class DocumentHeader
{
    public string? Review { get; private set; }
    public List<string> LinkOfficers { get; } = [];
    public YearMonth? ActionPlanAgreed { get; private set; }
    public List<string> Warnings { get; } = [];

    /// <summary>Takes a header line or a label and value; false when it is not one.</summary>
    public bool TryTake(string label, string value)
    {
        var match = HeaderLabel().Match(label.Trim());
        if (!match.Success)
        {
            return false;
        }

        var text = Whitespace().Replace(value, " ").Trim();
        switch (match.Groups["name"].Value.ToLowerInvariant())
        {
            case "review":
                Review = text.Length == 0 ? Review : text;
                break;
            case "action plan agreed":
                TakeAgreed(text);
                break;
            default:
                LinkOfficers.AddRange(Names().Split(text).Select(n => n.Trim()).Where(n => n.Length > 0));
                break;
        }

        return true;
    }

    /// <summary>"Review: Hate Crime" as one line.</summary>
    public bool TryTakeLine(string line)
    {
        var colon = line.IndexOf(':');
        return colon > 0 && TryTake(line[..(colon + 1)], line[(colon + 1)..]);
    }

    private void TakeAgreed(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (YearMonth.FindIn(text) is { } month)
        {
            ActionPlanAgreed = month;
        }
        else
        {
            Warnings.Add($"Action Plan Agreed “{text}” is not a month and year, so the review has no plan month: add it on the review's details before opening a round.");
        }
    }

    [GeneratedRegex(@"^(?<name>review|link\s+officer(?:s|/s|\(s\))?|action\s+plan\s+agreed)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLabel();

    [GeneratedRegex(@"\s*(?:,|;|/|&|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Names();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
