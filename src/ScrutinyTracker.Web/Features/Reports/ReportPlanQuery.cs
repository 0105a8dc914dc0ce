using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Reports;

/// <summary>
/// A review's action plan in document order, with the Executive's decision on each recommendation. Recommendations, parts and actions are read in three
/// flat queries and put together in memory: a fixed number of queries however large the plan, and
/// no joined rows repeating each recommendation for every action.
/// </summary>
public sealed class ReportPlanQuery(ScrutinyDbContext db)
{
    public async Task<IReadOnlyList<ReportRecommendation>> LoadAsync(int reviewId, CancellationToken cancellationToken = default) =>
        (await LoadManyAsync([reviewId], cancellationToken))[reviewId];

    /// <summary>The plans of several reviews, in the same three queries as one (for committee packs).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<ReportRecommendation>>> LoadManyAsync(
        IReadOnlyCollection<int> reviewIds, CancellationToken cancellationToken = default)
    {
        var ids = reviewIds.Distinct().ToArray();
        var recommendations = await db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.ReviewId))
            .OrderBy(r => r.Position).ThenBy(r => r.Number)
            .Select(r => new RecommendationRow(r.Id, r.ReviewId, r.Number, r.Text, new RecommendationStanding(
                r.ExecutiveResponse == null ? (ExecutiveDecision?)null : r.ExecutiveResponse.Decision,
                r.ExecutiveResponse!.DecidedOn,
                r.ExecutiveResponse.Text,
                r.MonitoringClosedOn,
                r.MonitoringClosedReason)))
            .ToListAsync(cancellationToken);
        var parts = await db.RecommendationParts.AsNoTracking()
            .Where(p => ids.Contains(p.Recommendation!.ReviewId))
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PartRow(p.Id, p.RecommendationId, p.Letter, p.Text))
            .ToListAsync(cancellationToken);
        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => ids.Contains(a.Recommendation!.ReviewId))
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new ActionRow(a.Id, a.RecommendationId, a.PartId, a.Heading, a.Responsibility, a.TargetDate, a.AgreedAction, a.SuccessMeasure))
            .ToListAsync(cancellationToken);

        var partsByRecommendation = parts.ToLookup(p => p.RecommendationId);
        var actionsByGroup = actions.ToLookup(a => (a.RecommendationId, a.PartId));
        var byReview = recommendations.ToLookup(r => r.ReviewId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<ReportRecommendation>)byReview[id]
            .Select(r => new ReportRecommendation(
                r.Number,
                r.Text,
                Actions(actionsByGroup[(r.Id, null)], $"{r.Number}"),
                partsByRecommendation[r.Id]
                    .Select(p => new ReportPart(p.Letter, p.Text, Actions(actionsByGroup[(r.Id, p.Id)], $"{r.Number}{p.Letter}")))
                    .ToList()) { Standing = r.Standing })
            .ToList());
    }

    private static List<ReportAction> Actions(IEnumerable<ActionRow> rows, string number)
    {
        var group = rows.ToList();
        return group
            .Select((a, index) => new ReportAction(
                a.Id, Label(number, a.Heading, index, group.Count), a.Heading, a.Responsibility, a.TargetDate, a.AgreedAction, a.SuccessMeasure))
            .ToList();
    }

    /// <summary>"1", "1a (Frontline staff)", or "2b (2)" for the second of several columns without headings.</summary>
    public static string Label(string number, string? heading, int index, int columns) =>
        !string.IsNullOrWhiteSpace(heading) ? $"{number} ({heading})"
        : columns > 1 ? $"{number} ({index + 1})"
        : number;

    private sealed record RecommendationRow(int Id, int ReviewId, int Number, string Text, RecommendationStanding Standing);

    private sealed record PartRow(int Id, int RecommendationId, string Letter, string Text);

    private sealed record ActionRow(
        int Id, int RecommendationId, int? PartId, string? Heading, string Responsibility, string TargetDate, string AgreedAction, string SuccessMeasure);
}
