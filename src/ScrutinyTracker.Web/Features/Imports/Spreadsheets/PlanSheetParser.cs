using System.Globalization;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Exports;
using ScrutinyTracker.Web.Infrastructure.Text;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>
/// Reads an action plan from the actions spreadsheet's shape (<see cref="ActionColumns"/>): a row per action,
/// or per action and round as the export writes it, each naming its recommendation (number and text), its
/// part (letter and text) if any, its column heading and its Responsibility, Date, Agreed Action and Agreed
/// Success Measure. Rows of the same action in several rounds must agree; other columns are ignored.
/// Every problem names the row to fix.
/// </summary>
public static class PlanSheetParser
{
    public const int MaxProblems = 30;

    private static readonly string[] Required =
    [
        ActionColumns.Recommendation, ActionColumns.RecommendationText, ActionColumns.Responsibility,
        ActionColumns.Date, ActionColumns.AgreedAction, ActionColumns.SuccessMeasure,
    ];

    public static (ImportedPlan? Plan, IReadOnlyList<string> Problems) Parse(UploadedSheet sheet)
    {
        var columns = sheet.Header.Select((name, index) => (name, index))
            .Where(c => c.name.Length > 0)
            .GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            return (null, [$"The header row (row 1) must name the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(m => $"\"{m}\""))}. Download a review's actions as a spreadsheet to see the columns"]);
        }

        if (sheet.Rows.Count == 0)
        {
            return (null, ["The file has a header row but no actions below it"]);
        }

        var problems = new List<string>();
        var rows = sheet.Rows.Select(r => PlanRow.Read(r, columns, problems)).OfType<PlanRow>().ToList();
        var plan = problems.Count == 0 ? PlanAssembly.Assemble(rows, problems) : null;
        return problems.Count == 0 ? (plan, []) : (null, Limited(problems));
    }

    private static List<string> Limited(List<string> problems) =>
        problems.Count <= MaxProblems ? problems : [.. problems.Take(MaxProblems), $"and {problems.Count - MaxProblems} more problems"];
}

/// <summary>One row of the sheet, checked on its own.</summary>
internal sealed record PlanRow(int Number, int Recommendation, string RecommendationText, string? Part, string? PartText, ImportedAction Action, string Round)
{
    public static PlanRow? Read(SheetRow row, IReadOnlyDictionary<string, int> columns, List<string> problems)
    {
        var before = problems.Count;
        void Problem(string message) => problems.Add($"Row {row.Number}: {message}");

        // Text is kept as the plan's own forms keep it: trimmed, its line breaks made one character.
        string? Cell(string column)
        {
            var value = columns.TryGetValue(column, out var i) && i < row.Cells.Count && !string.IsNullOrWhiteSpace(row.Cells[i]) ? row.Cells[i] : null;
            if (value is not null && TypedText.HasRefusedCharacters(value))
            {
                Problem($"the {column} holds control characters that no page can show: delete them");
            }

            return value is null ? null : TypedText.NormaliseLineBreaks(value).Trim();
        }

        string Text(string column, int maxLength, bool required = true)
        {
            var value = Cell(column);
            if (value is null && required)
            {
                Problem($"enter the {column}");
            }
            else if (value is not null && value.Length > maxLength)
            {
                Problem($"the {column} must be {maxLength:N0} characters or fewer");
            }

            return value ?? "";
        }

        var numberText = Cell(ActionColumns.Recommendation);
        var number = int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 999 ? n : 0;
        if (number == 0)
        {
            Problem(numberText is null ? "enter the recommendation's number" : $"the recommendation's number must be a whole number from 1, not \"{numberText}\"");
        }

        var recommendationText = Text(ActionColumns.RecommendationText, Domain.Recommendation.TextMaxLength);
        var part = Cell(ActionColumns.Part)?.TrimEnd(')').Trim().ToLowerInvariant();
        var partText = Text(ActionColumns.PartText, RecommendationPart.TextMaxLength, required: part is not null);
        if (part is not null && (part.Length > RecommendationPart.LetterMaxLength || !part.All(char.IsAsciiLetterLower)))
        {
            Problem($"the part must be a letter, like a or b, not \"{part}\"");
        }
        else if (part is null && partText.Length > 0)
        {
            Problem("enter the part's letter beside its text, or leave both empty");
        }

        var action = new ImportedAction(
            Text(ActionColumns.ColumnHeading, PlanAction.HeadingMaxLength, required: false) is { Length: > 0 } heading ? heading : null,
            Text(ActionColumns.Responsibility, PlanAction.ResponsibilityMaxLength),
            Text(ActionColumns.Date, PlanAction.TargetDateMaxLength),
            Text(ActionColumns.AgreedAction, PlanAction.AgreedActionMaxLength),
            Text(ActionColumns.SuccessMeasure, PlanAction.SuccessMeasureMaxLength));
        return problems.Count > before
            ? null
            : new PlanRow(row.Number, number, recommendationText, part, part is null ? null : partText, action, Cell(ActionColumns.Round) ?? "");
    }
}
