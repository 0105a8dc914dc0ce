using System.Text.RegularExpressions;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// Reads one of the council's action tables: a column of row labels (Responsibility, Date, Agreed
/// Action, Agreed Success Measure, Evidence of Progress (round), Assessment of Progress (round)) and
/// one column per action, under column headings when there are several. Empty spacer rows are
/// skipped, a label merged down over several rows carries on into them, and a value spanning several
/// action columns belongs to each of them. Anything else is reported, with its text.
/// </summary>
public static partial class ActionTableReader
{
    public enum Field
    {
        Responsibility,
        Date,
        AgreedAction,
        SuccessMeasure,
        Evidence,
        Assessment,
    }

    /// <summary>One action column: its heading, its plan fields, and its evidence and grade cells by round label.</summary>
    public sealed class Column
    {
        public string? Heading { get; set; }
        public Dictionary<Field, string> Values { get; } = [];
        public Dictionary<string, string> Evidence { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, string> Assessment { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string Value(Field field) => Values.GetValueOrDefault(field, "");
    }

    public sealed record Reading(IReadOnlyList<Column> Columns, IReadOnlyList<string> Warnings, IReadOnlyList<string> Rounds);

    /// <summary>Whether the table has at least one row labelled as an action table's.</summary>
    public static bool LooksLikeActionTable(TableGrid grid) =>
        grid.Width >= 2 && grid.Rows.Any(r => Recognise(r[0].Text) is not null);

    public static Reading Read(TableGrid grid, string place)
    {
        var groups = ActionColumns(grid);
        var columns = groups.Select(_ => new Column()).ToList();
        var warnings = new List<string>();
        var rounds = new List<string>();
        (Field Field, string? Round)? current = null;
        var fieldsStarted = false;

        foreach (var row in grid.Rows)
        {
            if (row.All(c => c.ContinuesAbove || c.Text.Length == 0))
            {
                continue; // a spacer row, or one whose every cell is merged down from above
            }

            var label = row[0];
            var recognised = label.ContinuesAbove ? current : Recognise(label.Text);
            if (recognised is null && label.Text.Length == 0 && !fieldsStarted)
            {
                for (var i = 0; i < groups.Count; i++)
                {
                    columns[i].Heading = Blank(row[groups[i]].Text);
                }

                continue;
            }

            if (recognised is not { } field)
            {
                warnings.Add($"{place}: a row was not recognised and was not imported: “{TableGrid.RowText(row)}”.");
                continue;
            }

            fieldsStarted = true;
            current = field;
            if (field.Round is { } round && !rounds.Contains(round, StringComparer.OrdinalIgnoreCase))
            {
                rounds.Add(round);
            }

            for (var i = 0; i < groups.Count; i++)
            {
                var cell = row[groups[i]];
                if (!cell.ContinuesAbove)
                {
                    Append(columns[i], field.Field, field.Round, cell.Text);
                }
            }
        }

        return new Reading(columns, warnings, rounds);
    }

    /// <summary>
    /// The grid columns after the labels, one per action: neighbouring grid columns covered by the same
    /// Word cell in every row are one column that Word happened to split.
    /// </summary>
    private static List<int> ActionColumns(TableGrid grid)
    {
        var starts = new List<int>();
        for (var column = 1; column < grid.Width; column++)
        {
            var sameAsBefore = column > 1 && grid.Rows.All(r => r[column].Id == r[column - 1].Id);
            if (!sameAsBefore)
            {
                starts.Add(column);
            }
        }

        return starts;
    }

    private static void Append(Column column, Field field, string? round, string text)
    {
        if (field is Field.Evidence or Field.Assessment)
        {
            var byRound = field == Field.Evidence ? column.Evidence : column.Assessment;
            var key = round ?? "";
            byRound[key] = WordText.Join([byRound.GetValueOrDefault(key, ""), text]);
            return;
        }

        column.Values[field] = WordText.Join([column.Value(field), text]);
    }

    /// <summary>What a label cell names, with the round in brackets for evidence and assessment rows.</summary>
    public static (Field Field, string? Round)? Recognise(string label)
    {
        var firstLine = label.Split('\n', 2)[0];
        var match = Label().Match(firstLine);
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["label"].Value.ToLowerInvariant();
        var round = match.Groups["round"].Success ? Whitespace().Replace(match.Groups["round"].Value.Trim(), " ") : null;
        Field? field = words switch
        {
            _ when words.StartsWith("responsib", StringComparison.Ordinal) => Field.Responsibility,
            _ when words.Contains("success", StringComparison.Ordinal) => Field.SuccessMeasure,
            _ when words.Contains("action", StringComparison.Ordinal) => Field.AgreedAction,
            _ when words.Contains("date", StringComparison.Ordinal) || words == "by when" => Field.Date,
            _ when words.StartsWith("evidence", StringComparison.Ordinal) => Field.Evidence,
            _ when words.StartsWith("assessment", StringComparison.Ordinal) || words.StartsWith("grade", StringComparison.Ordinal) => Field.Assessment,
            _ => null,
        };
        return field is { } f ? (f, round) : null;
    }

    private static string? Blank(string text) => text.Length == 0 ? null : text.Replace("\n\n", " ").Replace('\n', ' ');

    [GeneratedRegex(@"^\s*(?<label>responsibility|responsible(?:\s+officer)?|(?:target\s+)?date|agreed\s+action|action|agreed\s+success\s+measure|success\s+measure|evidence\s+of\s+progress|assessment\s+of\s+progress|grade)\s*(?:\((?<round>[^)]*)\))?\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
