using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Dashboard;

/// <summary>
/// Where every review the user may see stands. Two queries whatever the number of reviews: one row
/// per review, and one row per action with its latest accepted grade. Filtering, sorting and paging
/// happen in memory because % fully achieved and the next due date are worked out from those rows; a
/// council has tens to a few hundred reviews, so this stays small.
/// </summary>
public sealed class DashboardQuery(ReviewAccess access, ScrutinyDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<DashboardView> LoadAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var visible = access.VisibleReviews().AsNoTracking();
        var reviews = await visible
            .Select(r => new ReviewRow(
                r.Id,
                r.Title,
                r.SelectCommitteeId,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.Status,
                r.Rounds.OrderByDescending(x => x.DueDate).ThenByDescending(x => x.Id).Select(x => x.Label).FirstOrDefault(),
                r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => (DateOnly?)x.DueDate).FirstOrDefault(),
                r.Rounds.OrderByDescending(x => x.DueDate).Select(x => (DateOnly?)x.DueDate).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var latestGrades = await db.PlanActions.AsNoTracking()
            .Where(a => visible.Any(r => r.Id == a.Recommendation!.ReviewId))
            .Select(a => new
            {
                a.Recommendation!.ReviewId,
                Grade = a.Updates
                    .Where(u => u.Status == UpdateStatus.Accepted && u.Grade != null)
                    .OrderByDescending(u => u.Round!.DueDate).ThenByDescending(u => u.RoundId)
                    .Select(u => u.Grade)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var gradesByReview = latestGrades.ToLookup(a => a.ReviewId, a => a.Grade);
        var today = Infrastructure.UkTime.Today(clock);
        var items = reviews.Select(r => ToItem(r, GradeCounts.Of(gradesByReview[r.Id]), today)).ToList();
        return Page(filter, items);
    }

    private static DashboardItem ToItem(ReviewRow row, GradeCounts grades, DateOnly today)
    {
        var nextDue = NextRound.DueDate(row.Status, row.ActionPlanAgreed, row.OpenRoundDue, row.LastRoundDue);
        return new DashboardItem(
            row.Id, row.Title, row.SelectCommitteeId, row.SelectCommittee, row.ActionPlanAgreed, row.Status, row.LatestRound,
            row.OpenRoundDue is not null, grades, nextDue, NextRound.IsOverdue(nextDue, today));
    }

    private static DashboardView Page(DashboardFilter filter, List<DashboardItem> items)
    {
        var matching = items
            .Where(i => filter.Committee is null || i.SelectCommitteeId == filter.Committee)
            .Where(i => filter.Status is null || i.Status == filter.Status)
            .Where(i => filter.Year is null || i.ActionPlanAgreed.Year == filter.Year)
            .ToList();
        var sorted = Sort(matching, filter.SortOrTitle).ToList();

        var pages = Math.Max(1, (int)Math.Ceiling(sorted.Count / (double)PageSize));
        var page = Math.Clamp(filter.Page, 1, pages);
        var committees = items
            .Select(i => (Id: i.SelectCommitteeId, Name: i.SelectCommittee))
            .Distinct()
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var years = items.Select(i => i.ActionPlanAgreed.Year).Distinct().OrderDescending().ToList();

        return new DashboardView(
            filter,
            sorted.Skip((page - 1) * PageSize).Take(PageSize).ToList(),
            sorted.Count,
            new PaginationView(page, pages),
            committees,
            years);
    }

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

    private sealed record ReviewRow(
        int Id,
        string Title,
        int SelectCommitteeId,
        string SelectCommittee,
        YearMonth ActionPlanAgreed,
        ReviewStatus Status,
        string? LatestRound,
        DateOnly? OpenRoundDue,
        DateOnly? LastRoundDue);
}
