using ScrutinyTracker.Web.Domain;
using Column = ScrutinyTracker.Web.Features.Imports.ActionTableReader.Column;
using Field = ScrutinyTracker.Web.Features.Imports.ActionTableReader.Field;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>Where <see cref="WordDocumentReader"/> is in the document, and what it has read so far.</summary>
internal sealed class ReadingState
{
    private readonly List<RecommendationDraft> _recommendations = [];
    private readonly List<string> _rounds = [];

    public DocumentHeader Header { get; } = new();
    public List<string> Warnings { get; } = [];
    public bool InGradingsKey { get; set; }
    public RecommendationDraft? Recommendation => _recommendations.Count == 0 ? null : _recommendations[^1];

    public void StartRecommendation(int number, string text) => _recommendations.Add(new RecommendationDraft(number, text));

    public void StartPart(string letter, string text) => Recommendation!.Parts.Add(new PartDraft(letter, text));

    public void TakeTable(TableGrid grid)
    {
        var recommendation = Recommendation;
        var part = recommendation?.Parts.LastOrDefault();
        var place = recommendation is null ? "" : $"Recommendation {recommendation.Number}{part?.Letter}";
        if (recommendation is null || (part is null ? recommendation.Columns : part.Columns) is not null)
        {
            var where = recommendation is null ? "before the first recommendation" : $"under {place}, which has its table already,";
            Warnings.Add($"A table {where} was not imported: “{WordDocumentReader.Shorten(TableGrid.RowText(grid.Rows[0]))}”.");
            return;
        }

        var reading = ActionTableReader.Read(grid, place);
        Warnings.AddRange(reading.Warnings);
        _rounds.AddRange(reading.Rounds.Where(r => !_rounds.Contains(r, StringComparer.OrdinalIgnoreCase)));
        if (part is null)
        {
            recommendation.Columns = [.. reading.Columns];
        }
        else
        {
            part.Columns = [.. reading.Columns];
        }
    }

    public ImportedDocument Finish()
    {
        if (_recommendations.Count == 0)
        {
            throw new WordFileRefusedException(
                "No recommendation was found in the document. ScrutinyTracker looks for paragraphs that start “Recommendation 1:”, each followed by its table of Responsibility, Date, Agreed Action and Agreed Success Measure.");
        }

        Warnings.AddRange(Header.Warnings);
        var round = ChooseRound();
        var recommendations = _recommendations.Select(r => r.ToImported(round, Warnings)).ToList();
        var document = new ImportedDocument(Header.Review, Header.LinkOfficers.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), Header.ActionPlanAgreed, round, recommendations, Warnings, []);
        return document with { Problems = ImportProblems.Of(document) };
    }

    /// <summary>The latest round the evidence rows name; earlier rounds' evidence is left out, with a warning.</summary>
    private string? ChooseRound()
    {
        var named = _rounds.Where(r => r.Length > 0).ToList();
        if (named.Count < _rounds.Count)
        {
            Warnings.Add("Some Evidence or Assessment of Progress rows name no round in brackets, for example “Evidence of Progress (March 2020)”: they were not imported.");
        }

        var round = named.OrderBy(r => YearMonth.TryParse(r, out var month) ? month : default).LastOrDefault();
        foreach (var earlier in named.Where(r => !string.Equals(r, round, StringComparison.OrdinalIgnoreCase)))
        {
            Warnings.Add($"The progress of {earlier} was not imported: only the document's latest round, {round}, is. Import the {earlier} document first if that round is not here yet.");
        }

        return round;
    }

    internal sealed class RecommendationDraft(int number, string text)
    {
        public int Number { get; } = number;
        public List<Column>? Columns { get; set; }
        public List<PartDraft> Parts { get; } = [];

        public ImportedRecommendation ToImported(string? round, List<string> warnings)
        {
            if (Columns is null && Parts.Count == 0)
            {
                warnings.Add($"Recommendation {Number} has no table: it was imported without actions.");
            }

            var actions = Actions(Columns ?? [], $"{Number}", round, warnings);
            var parts = Parts.Select(p => new ImportedPart(p.Letter, p.Text, p.ToActions(Number, round, warnings))).ToList();
            return new ImportedRecommendation(Number, text, actions, parts);
        }
    }

    internal sealed class PartDraft(string letter, string text)
    {
        public string Letter { get; } = letter;
        public string Text { get; } = text;
        public List<Column>? Columns { get; set; }

        public List<ImportedAction> ToActions(int number, string? round, List<string> warnings)
        {
            if (Columns is null)
            {
                warnings.Add($"Part {number}{Letter}) has no table: it was imported without actions.");
            }

            return Actions(Columns ?? [], $"{number}{Letter}", round, warnings);
        }
    }

    private static List<ImportedAction> Actions(List<Column> columns, string place, string? round, List<string> warnings) =>
        columns.Select((column, index) =>
        {
            var label = column.Heading is { } heading ? $"Action {place} ({heading})" : columns.Count > 1 ? $"Action {place}, column {index + 1}" : $"Action {place}";
            var evidence = round is null ? null : column.Evidence.GetValueOrDefault(round);
            var grade = GradeReading.Read(round is null ? "" : column.Assessment.GetValueOrDefault(round, ""));
            if (grade.Unreadable)
            {
                warnings.Add($"{label}: the grade “{column.Assessment[round!]}” could not be read, so it has none. Grades are 1 to 4.");
            }
            else if (round is not null && grade.Grade is null)
            {
                warnings.Add($"{label} has no grade for {round}.");
            }

            return new ImportedAction(
                column.Heading,
                column.Value(Field.Responsibility),
                column.Value(Field.Date),
                column.Value(Field.AgreedAction),
                column.Value(Field.SuccessMeasure),
                string.IsNullOrWhiteSpace(evidence) ? null : evidence,
                grade.Grade,
                grade.Explanation);
        }).ToList();
}
