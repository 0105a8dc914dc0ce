using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// Puts checked rows together into a plan. Recommendations are numbered 1, 2, 3… and parts lettered a, b, c…
/// in order, as the plan numbers them by their place. An action may appear once per round: within a
/// recommendation or part, the n-th row with a column heading in a round is the same action as the n-th row
/// with that heading in any other round (or with no round), and all its rows must agree.
/// </summary>
internal static class PlanAssembly
{
    public static ImportedPlan Assemble(List<PlanRow> rows, List<string> problems)
    {
        var recommendations = new List<ImportedRecommendation>();
        var expected = 1;
        foreach (var group in rows.GroupBy(r => r.Recommendation).OrderBy(g => g.Key))
        {
            if (group.Key != expected)
            {
                problems.Add($"Row {group.First().Number}: recommendations are numbered 1, 2, 3… in order, and there is no recommendation {expected} before recommendation {group.Key}");
                break;
            }

            expected++;
            Same(group.ToList(), r => r.RecommendationText, $"recommendation {group.Key}'s text", problems);
            var parts = group.Where(r => r.Part is not null).GroupBy(r => r.Part!).ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i].Key != RecommendationPart.LetterFor(i))
                {
                    problems.Add($"Row {parts[i].First().Number}: recommendation {group.Key}'s parts are lettered a, b, c… in order, so this part must be {RecommendationPart.LetterFor(i)}, not {parts[i].Key}");
                }

                Same(parts[i].ToList(), r => r.PartText!, $"part {group.Key}{parts[i].Key}'s text", problems);
            }

            recommendations.Add(new ImportedRecommendation(
                group.Key,
                group.First().RecommendationText,
                Actions(group.Where(r => r.Part is null).ToList(), $"{group.Key}", problems),
                [.. parts.Select(p => new ImportedPart(p.Key, p.First().PartText!, Actions(p.ToList(), $"{group.Key}{p.Key}", problems)))]));
        }

        return new ImportedPlan(recommendations);
    }

    private static List<ImportedAction> Actions(List<PlanRow> rows, string label, List<string> problems)
    {
        var occurrences = new Dictionary<(string Round, string Heading), int>();
        var actions = new List<(string Heading, int Occurrence, List<PlanRow> Rows)>();
        foreach (var row in rows)
        {
            var heading = row.Action.Heading ?? "";
            var occurrence = occurrences[(row.Round, heading)] = occurrences.GetValueOrDefault((row.Round, heading)) + 1;
            var action = actions.FindIndex(a => a.Heading == heading && a.Occurrence == occurrence);
            if (action < 0)
            {
                actions.Add((heading, occurrence, [row]));
            }
            else
            {
                actions[action].Rows.Add(row);
            }
        }

        foreach (var (heading, _, same) in actions)
        {
            var name = heading.Length == 0 ? $"recommendation {label}'s action" : $"recommendation {label}'s action \"{heading}\"";
            Same(same, r => r.Action, name, problems);
        }

        return [.. actions.Select(a => a.Rows[0].Action)];
    }

    /// <summary>Rows that describe one thing must say the same about it.</summary>
    private static void Same<T>(List<PlanRow> rows, Func<PlanRow, T> value, string what, List<string> problems)
    {
        var first = rows[0];
        if (rows.FirstOrDefault(r => !EqualityComparer<T>.Default.Equals(value(r), value(first))) is { } other)
        {
            problems.Add($"Rows {first.Number} and {other.Number} give {what} differently: make them the same, or keep one row for it");
        }
    }
}
