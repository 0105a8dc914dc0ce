using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>How an action is named in headings and messages: as the report labels it, after "Recommendation".</summary>
public static class ActionName
{
    /// <summary>"Recommendation 1", "Recommendation 2a (Households)", "Recommendation 3b (2)".</summary>
    public static string Of(int recommendationNumber, string? partLetter, string? heading, int position, int columns) =>
        $"Recommendation {ReportPlanQuery.Label($"{recommendationNumber}{partLetter}", heading, position, columns)}";

    /// <summary>The names of these actions by action id, in one query.</summary>
    public static async Task<Dictionary<int, string>> NamesAsync(this IQueryable<PlanAction> actions, CancellationToken cancellationToken) =>
        (await actions.AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.Recommendation!.Number,
                a.Part!.Letter,
                a.Heading,
                a.Position,
                Columns = a.PartId == null ? a.Recommendation.Actions.Count(x => x.PartId == null) : a.Part!.Actions.Count,
            })
            .ToListAsync(cancellationToken))
        .ToDictionary(a => a.Id, a => Of(a.Number, a.Letter, a.Heading, a.Position, a.Columns));
}
