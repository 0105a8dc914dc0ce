using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Reviews;

[Authorize(Policy = Policies.ReadReports)]
public sealed class ReviewsController(ReviewAccess access) : Controller
{
    public const int PageSize = 25;

    /// <summary>The home page: the reviews this user may see, by title.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var reviews = access.VisibleReviews().AsNoTracking();
        var total = await reviews.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pages);

        var items = await reviews
            .OrderBy(r => r.Status == ReviewStatus.Completed).ThenBy(r => r.Title).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new ReviewListItem(
                r.Id,
                r.Title,
                r.SelectCommittee!.Name,
                r.ActionPlanAgreed,
                r.Status,
                r.LinkOfficers.OrderBy(l => l.User!.DisplayName).Select(l => l.User!.DisplayName).ToList(),
                r.Rounds.OrderByDescending(x => x.DueDate).Select(x => x.Label).FirstOrDefault(),
                r.Rounds.Any(x => x.Status == RoundStatus.Open)))
            .ToListAsync(cancellationToken);

        return View(new ReviewListView(items, page, pages, total));
    }
}

public sealed record ReviewListView(IReadOnlyList<ReviewListItem> Reviews, int Page, int Pages, int Total);

public sealed record ReviewListItem(
    int Id,
    string Title,
    string SelectCommittee,
    YearMonth ActionPlanAgreed,
    ReviewStatus Status,
    IReadOnlyList<string> LinkOfficers,
    string? LatestRound,
    bool HasOpenRound);
