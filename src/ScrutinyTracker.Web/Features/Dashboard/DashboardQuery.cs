using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Dashboard;

/// <summary>
/// Where every review the user may see stands. Four queries whatever the number of reviews: one row
/// per review, its <see cref="ReviewLife"/>, one row per monitored action with its latest accepted
/// grade and the committee's decision on it, and grade counts per round (counted in the database).
/// Filtering, sorting and paging happen in memory because the stage, % fully achieved and the next due
/// date are worked out from those rows.
/// </summary>
public sealed class DashboardQuery(ReviewAccess access, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<DashboardView> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        Page(filter, Infrastructure.UkTime.Today(clock), await ItemsAsync(cancellationToken));

    /// <summary>Every review the filter selects, on every page, in the dashboard's order: what its export holds.</summary>
    public async Task<IReadOnlyList<int>> MatchingReviewIdsAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        Sort(Matching(filter, await ItemsAsync(cancellationToken)), filter.SortOrTitle).Select(i => i.Id).ToList();

    private async Task<List<DashboardItem>> ItemsAsync(CancellationToken cancellationToken)
    {
        var visible = access.VisibleReviews().AsNoTracking();
        var reviews = await visible
            .Select(r => new ReviewRow(
                r.Id,
                r.Title,
                r.SelectCommitteeId,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.Rounds.OrderByDescending(x => x.DueDate).ThenByDescending(x => x.Id).Select(x => x.Label).FirstOrDefault(),
                r.Rounds.Any(x => x.Status == RoundStatus.Open)))
            .ToListAsync(cancellationToken);
        var lives = await visible.LivesAsync(cancellationToken);
        var actions = await ActionsAsync(visible, cancellationToken);
        var trends = await TrendsAsync(visible, cancellationToken);

        var actionsByReview = actions.ToLookup(a => a.ReviewId);
        return reviews.Select(r => ToItem(r, lives[r.Id], actionsByReview[r.Id].ToList(), trends[r.Id].ToList())).ToList();
    }

    /// <summary>Actions of recommendations the Executive accepted or partially accepted, with what their latest accepted update says.</summary>
    private static Task<List<ActionRow>> ActionsAsync(IQueryable<Review> visible, CancellationToken cancellationToken) =>
        visible.SelectMany(r => r.Recommendations)
            .Where(x => x.ExecutiveResponse != null && x.ExecutiveResponse.Decision != ExecutiveDecision.NotAccepted)
            .SelectMany(x => x.Actions)
            .Select(a => new ActionRow(
                a.Recommendation!.ReviewId,
                a.Updates.AsQueryable().Any(Monitoring.IsSignedOffUpdate),
                a.Updates
                    .Where(u => u.Status == UpdateStatus.Accepted && u.Grade != null)
                    .OrderByDescending(u => u.Round!.DueDate).ThenByDescending(u => u.RoundId)
                    .Select(u => new LatestGrade(
                        u.Grade,
                        u.CommitteeDecision == null ? (CommitteeOutcome?)null : u.CommitteeDecision.Outcome,
                        u.CommitteeDecision == null ? (Grade?)null : u.CommitteeDecision.Grade,
                        u.Round!.Status == RoundStatus.Closed && u.Round.Consideration == null))
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>Accepted grades per review and round, the committee's where it changed one, counted in the database.</summary>
    private static async Task<ILookup<int, RoundTrend>> TrendsAsync(IQueryable<Review> visible, CancellationToken cancellationToken)
    {
        var counts = await visible.SelectMany(r => r.Rounds).SelectMany(x => x.Updates)
            .Where(u => u.Status == UpdateStatus.Accepted && u.Grade != null)
            .GroupBy(u => new
            {
                u.Round!.ReviewId,
                u.RoundId,
                u.Round.DueDate,
                u.Round.Label,
                Grade = u.CommitteeDecision != null && u.CommitteeDecision.Outcome == CommitteeOutcome.GradeChanged && u.CommitteeDecision.Grade != null
                    ? u.CommitteeDecision.Grade
                    : u.Grade,
            })
            .Select(g => new { g.Key.ReviewId, g.Key.RoundId, g.Key.DueDate, g.Key.Label, g.Key.Grade, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts
            .GroupBy(c => (c.ReviewId, c.RoundId, c.DueDate, c.Label))
            .OrderBy(g => g.Key.DueDate).ThenBy(g => g.Key.RoundId)
            .ToLookup(g => g.Key.ReviewId, g => new RoundTrend(g.Key.Label, GradeCounts.Of(g.Select(c => (c.Grade, c.Count)))));
    }

    private static DashboardItem ToItem(ReviewRow row, ReviewLife life, List<ActionRow> actions, List<RoundTrend> trend) => new(
        row.Id, row.Title, row.SelectCommitteeId, row.SelectCommittee, row.ActionPlanAgreed, life, row.LatestRound, row.HasOpenRound,
        GradeCounts.Of(actions.Select(a => a.Latest is { } latest ? Monitoring.EffectiveGrade(latest.Grade, latest.Outcome, latest.CommitteeGrade) : null)),
        actions.Count(a => a.SignedOff),
        actions.Count(a => a.Latest is { AwaitsCommittee: true }),
        trend);

    private static DashboardView Page(DashboardFilter filter, DateOnly today, List<DashboardItem> items)
    {
        var matching = Matching(filter, items);
        var sorted = Sort(matching, filter.SortOrTitle).ToList();

        var pages = Math.Max(1, (int)Math.Ceiling(sorted.Count / (double)PageSize));
        var page = Math.Clamp(filter.Page, 1, pages);
        var committees = items
            .Select(i => (Id: i.SelectCommitteeId, Name: i.SelectCommittee))
            .Distinct()
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var years = items.Where(i => i.ActionPlanAgreed is not null).Select(i => i.ActionPlanAgreed!.Value.Year).Distinct().OrderDescending().ToList();
        var totals = new DashboardTotals(
            GradeCounts.Of(matching.SelectMany(i => GradeText.All.Select(g => ((Grade?)g, i.Grades[g])).Append((null, i.Grades.NotGraded)))),
            matching.Sum(i => i.SignedOff),
            matching.Sum(i => i.AwaitingCommittee));

        return new DashboardView(
            filter,
            today,
            sorted.Skip((page - 1) * PageSize).Take(PageSize).ToList(),
            sorted.Count,
            totals,
            new PaginationView(page, pages),
            committees,
            years);
    }

    private static List<DashboardItem> Matching(DashboardFilter filter, IEnumerable<DashboardItem> items) => items
        .Where(i => filter.Committee is null || i.SelectCommitteeId == filter.Committee)
        .Where(i => filter.Stage is null || i.Life.Stage == filter.Stage)
        .Where(i => filter.Year is null || i.ActionPlanAgreed?.Year == filter.Year)
        .ToList();

    /// <summary>Reviews without a value to sort by (no actions, no next due date) come last; ties by title.</summary>
    private static IEnumerable<DashboardItem> Sort(IEnumerable<DashboardItem> items, string sort)
    {
        var ordered = sort switch
        {
            DashboardFilter.SortByDueDate => items.OrderBy(i => i.NextDue ?? DateOnly.MaxValue),
            DashboardFilter.SortByAchieved => items.OrderBy(i => i.PercentFullyAchieved ?? int.MaxValue),
            _ => items.OrderBy(i => i.Title, StringComparer.OrdinalIgnoreCase),
        };
        return ordered.ThenBy(i => i.Title, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Id);
    }

    private sealed record ReviewRow(int Id, string Title, int SelectCommitteeId, string SelectCommittee, YearMonth? ActionPlanAgreed, string? LatestRound, bool HasOpenRound);

    private sealed record ActionRow(int ReviewId, bool SignedOff, LatestGrade? Latest);

    private sealed record LatestGrade(Grade? Grade, CommitteeOutcome? Outcome, Grade? CommitteeGrade, bool AwaitsCommittee);
}
