using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Imports;

/// <summary>
/// A later round's document against the review already here (its report for its latest round):
/// recommendations matched by number, parts by letter, actions by column heading (or by place among
/// columns without headings). Matched actions still monitored and not signed off get the document's
/// update; the rest, and everything unmatched on either side, is listed.
/// </summary>
public static class LaterRoundMatching
{
    public enum Outcome
    {
        Updated,
        SignedOffEarlier,
        NotMonitored,
    }

    /// <summary>One action of the document and the review's action it matched.</summary>
    public sealed record ActionMatch(string DocumentLabel, ReportAction Action, ImportedAction Imported, Outcome Outcome);

    public sealed record Result(IReadOnlyList<ActionMatch> Matches, IReadOnlyList<string> OnlyInDocument, IReadOnlyList<string> OnlyInReview, IReadOnlyList<string> Problems)
    {
        public IReadOnlyList<string> Warnings { get; init; } = [];

        public IEnumerable<ActionMatch> Updates => Matches.Where(m => m.Outcome == Outcome.Updated);
    }

    public static Result Match(ImportedDocument document, ReportView review)
    {
        var matches = new List<ActionMatch>();
        var onlyInDocument = new List<string>();
        var onlyInReview = new List<string>();
        foreach (var imported in document.Recommendations)
        {
            var existing = review.Recommendations.FirstOrDefault(r => r.Number == imported.Number);
            if (existing is null)
            {
                onlyInDocument.Add($"Recommendation {imported.Number}: {imported.Text}");
                continue;
            }

            MatchActions(imported.Actions, existing.Actions, $"{imported.Number}", existing, review, matches, onlyInDocument);
            foreach (var part in imported.Parts)
            {
                var existingPart = existing.Parts.FirstOrDefault(p => p.Letter == part.Letter);
                if (existingPart is null)
                {
                    onlyInDocument.Add($"Part {imported.Number}{part.Letter}) {part.Text}");
                    continue;
                }

                MatchActions(part.Actions, existingPart.Actions, $"{imported.Number}{part.Letter}", existing, review, matches, onlyInDocument);
            }
        }

        // Actions that still need an update but are not in the document: they get none in this round.
        var matchedIds = matches.Select(m => m.Action.Id).ToHashSet();
        onlyInReview.AddRange(review.Recommendations.Where(r => r.Standing.IsMonitored)
            .SelectMany(r => r.ActionsInOrder)
            .Where(a => !matchedIds.Contains(a.Id) && !IsSignedOff(review, a))
            .Select(a => $"Action {a.Label}"));
        var warnings = document.Review?.Trim().Equals(review.Title.Trim(), StringComparison.OrdinalIgnoreCase) == false
            ? [$"The document names the review “{document.Review}”, not {review.Title}: check it is this review's document."]
            : new List<string>();
        return new Result(matches, onlyInDocument, onlyInReview, Problems(document, review)) { Warnings = warnings };
    }

    private static void MatchActions(
        IReadOnlyList<ImportedAction> imported, IReadOnlyList<ReportAction> existing, string place, ReportRecommendation recommendation, ReportView review,
        List<ActionMatch> matches, List<string> onlyInDocument)
    {
        var byHeading = imported.All(a => a.Heading is not null) && existing.All(a => a.Heading is not null);
        var matched = new HashSet<int>();
        foreach (var (action, index) in imported.Select((a, i) => (a, i)))
        {
            var label = ReportPlanQuery.Label(place, action.Heading, index, imported.Count);
            var found = byHeading
                ? existing.FirstOrDefault(e => Same(e.Heading, action.Heading))
                : imported.Count == existing.Count ? existing[index] : null;
            if (found is null || !matched.Add(found.Id))
            {
                onlyInDocument.Add($"Action {label}");
                continue;
            }

            var outcome = IsSignedOff(review, found)
                ? Outcome.SignedOffEarlier
                : !recommendation.Standing.IsMonitored ? Outcome.NotMonitored
                : Outcome.Updated;
            matches.Add(new ActionMatch(label, found, action, outcome));
        }
    }

    /// <summary>Signed off by the committee in the review's latest round or before (<see cref="Monitoring.IsSignedOff"/>, as the report read it).</summary>
    private static bool IsSignedOff(ReportView review, ReportAction action) =>
        review.UpdateFor(action)?.Decision?.Outcome == CommitteeOutcome.SignedOff || review.SignedOffBefore(action) is not null;

    private static bool Same(string? left, string? right) =>
        string.Equals(Normalise(left), Normalise(right), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string? text) => string.Join(' ', (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>What stops a later round being added: no evidence, a round already here, an open round, the last one not yet considered or later.</summary>
    private static List<string> Problems(ImportedDocument document, ReportView review)
    {
        var problems = new List<string>();
        if (!document.HasProgress || !YearMonth.TryParse(document.Round, out var month))
        {
            problems.Add("The document has no Evidence or Assessment of Progress for a round, so there is no round to add. To bring in a new review's plan, choose “A new review” when uploading.");
            return problems;
        }

        if (review.Rounds.FirstOrDefault(r => r.Status == RoundStatus.Open) is { } open)
        {
            problems.Add($"{review.Title}'s {open.Label} round is open in ScrutinyTracker: its updates are entered here. Import a document only for a round that was not opened here.");
        }

        if (review.Rounds.Any(r => string.Equals(r.Label, month.ToString(), StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{review.Title} already has a {month} round. Choose the document of a later round.");
        }
        else if (review.Rounds.LastOrDefault() is { } latest && latest.DueDate >= month.LastDay)
        {
            problems.Add($"The document's round, {month}, is not after {review.Title}'s latest round, {latest.Label}. Choose the document of a later round.");
        }
        else if (review.Rounds.LastOrDefault() is { Status: RoundStatus.Closed, Consideration: null } waiting)
        {
            problems.Add($"{review.Title}'s {waiting.Label} round awaits the committee's decisions: record them first, so that the actions signed off get no update.");
        }

        return problems;
    }
}
