using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Web.Features.Imports.Spreadsheets;

/// <summary>The review a plan is imported into, as its report's header shows it, and whether its plan is empty.</summary>
public sealed record ImportTarget(int ReviewId, string Title, string SelectCommittee, YearMonth? ActionPlanAgreed, IReadOnlyList<string> LinkOfficers, bool HasPlan);

public sealed class ImportTargetQuery(ScrutinyDbContext db)
{
    public Task<ImportTarget> LoadAsync(int reviewId, CancellationToken cancellationToken) =>
        db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new ImportTarget(
                r.Id,
                r.Title,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
                r.Recommendations.Any()))
            .SingleAsync(cancellationToken);
}

/// <summary>The preview page: the review, the plan as the report would show it, and the pending upload to confirm.</summary>
public sealed record ImportPreviewView(ImportTarget Target, ReportView Report, ImportedPlan Plan, string FileName, Guid PendingId);

public static class PlanImportPreview
{
    /// <summary>"3 recommendations, 2 parts and 11 actions".</summary>
    public static string Counts(ImportedPlan plan) =>
        $"{Count(plan.Recommendations.Count, "recommendation")}, {Count(plan.PartCount, "part")} and {Count(plan.ActionCount, "action")}";

    /// <summary>The plan as the report lays it out before any round: the same document, with no progress rows.</summary>
    public static ReportView AsReport(ImportTarget target, ImportedPlan plan)
    {
        var id = 0;
        List<ReportAction> Actions(IReadOnlyList<ImportedAction> actions, string number) =>
            [.. actions.Select((a, i) => new ReportAction(--id, ReportPlanQuery.Label(number, a.Heading, i, actions.Count), a.Heading, a.Responsibility, a.TargetDate, a.AgreedAction, a.SuccessMeasure))];

        var recommendations = plan.Recommendations
            .Select(r => new ReportRecommendation(
                r.Number,
                r.Text,
                Actions(r.Actions, $"{r.Number}"),
                [.. r.Parts.Select(p => new ReportPart(p.Letter, p.Text, Actions(p.Actions, $"{r.Number}{p.Letter}")))])
            {
                Standing = RecommendationStanding.Awaited,
            })
            .ToList();
        return new ReportView(target.ReviewId, target.Title, target.SelectCommittee, target.ActionPlanAgreed, target.LinkOfficers,
            [], null, null, false, recommendations, new Dictionary<int, ReportUpdate>(), new Dictionary<int, Grade>());
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
