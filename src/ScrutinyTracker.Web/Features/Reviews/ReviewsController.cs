using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Features.Updates;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Reviews;

[Authorize(Policy = Policies.ReadReports)]
public sealed class ReviewsController(ReviewAccess access, ScrutinyDbContext db, ReviewFormOptions options, TimeProvider clock, IOptions<PagingOptions> paging) : Controller
{
    private int PageSize => paging.Value.PageSize;

    /// <summary>The home page: a link officer's open rounds, then the reviews this user may see, by title.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] MyUpdatesQuery myUpdates, int page = 1, CancellationToken cancellationToken = default)
    {
        var openRounds = User.IsInRole(Roles.LinkOfficer) ? await myUpdates.OpenRoundsAsync(cancellationToken) : null;
        var reviews = access.VisibleReviews().AsNoTracking();
        var total = await reviews.CountAsync(cancellationToken);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pages);

        // The round and stage come from each review's summary: a correlated subquery per review would be
        // worked out for every review before the sort picks the page. Sorted by the summary's columns (every
        // review has one), the database walks their index and stops at the page (decision 0018).
        var rows = await reviews
            .Where(r => r.Summary != null)
            .OrderBy(r => r.Summary!.Completed).ThenBy(r => r.Summary!.TitleKey).ThenBy(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new
            {
                Item = new ReviewListItem(
                    r.Id,
                    r.Title,
                    r.SelectCommittee!.Name,
                    r.ActionPlanAgreed,
                    r.Status,
                    Array.Empty<string>(),
                    r.Summary!.LatestRound,
                    r.Summary.HasOpenRound),
                Summary = r.Summary!,
            })
            .ToListAsync(cancellationToken);
        var officers = await db.LinkOfficerNamesAsync(rows.Select(r => r.Item.Id), cancellationToken);
        var items = rows.Select(r => r.Item with { LinkOfficers = officers(r.Item.Id) }).ToList();
        var lives = rows.ToDictionary(r => r.Item.Id, r => r.Summary.Life);

        return View(new ReviewListView(items, lives, Infrastructure.UkTime.Today(clock), page, pages, total, access.EditsAllReviews) { OpenRounds = openRounds });
    }

    /// <summary>The review overview: details, rounds and links to its plan, report and updates.</summary>
    [HttpGet("reviews/{reviewId:int}")]
    public async Task<IActionResult> Show(int reviewId, [FromServices] ReviewOverviewQuery query, CancellationToken cancellationToken)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken) || await query.LoadAsync(reviewId, cancellationToken) is not { } review)
        {
            return NotFound();
        }

        return View(review with
        {
            CanManage = access.EditsAllReviews,
            CanEnterUpdates = await access.CanEnterUpdatesAsync(reviewId, cancellationToken),
        });
    }

    [Authorize(Policy = Policies.ManagePlans)]
    [HttpGet("reviews/new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var form = new ReviewForm();
        await options.FillAsync(form, null, cancellationToken);
        return View("Edit", form);
    }

    [Authorize(Policy = Policies.ManagePlans)]
    [HttpPost("reviews/new")]
    public async Task<IActionResult> Create(ReviewForm form, CancellationToken cancellationToken)
    {
        await options.FillAsync(form, null, cancellationToken);
        ReviewFormOptions.CheckChoices(form, ModelState);
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var review = new Review { Title = form.Title };
        form.ApplyTo(review);
        db.Reviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{review.Title} has been created. Add the recommendations of its action plan.";
        return Redirect($"/reviews/{review.Id}/plan");
    }

    [Authorize(Policy = Policies.ManagePlans)]
    [HttpGet("reviews/{reviewId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reviewId, cancellationToken) is not { } review)
        {
            return NotFound();
        }

        var form = ReviewForm.From(review);
        await options.FillAsync(form, reviewId, cancellationToken);
        ViewData["ReviewId"] = reviewId;
        return View(form);
    }

    [Authorize(Policy = Policies.ManagePlans)]
    [HttpPost("reviews/{reviewId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, ReviewForm form, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reviewId, cancellationToken) is not { } review)
        {
            return NotFound();
        }

        await options.FillAsync(form, reviewId, cancellationToken);
        ReviewFormOptions.CheckChoices(form, ModelState);
        ViewData["ReviewId"] = reviewId;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        form.ApplyTo(review);
        if (!await db.TrySaveAsync(review, form.Version, ModelState, "review", cancellationToken))
        {
            return View(form);
        }

        TempData["Success"] = $"{review.Title} has been saved.";
        return RedirectToAction(nameof(Show), new { reviewId });
    }

    /// <summary>Completing archives the review: its plan and rounds can no longer change.</summary>
    [Authorize(Policy = Policies.ManagePlans)]
    [HttpGet("reviews/{reviewId:int}/complete")]
    public async Task<IActionResult> Complete(int reviewId, CancellationToken cancellationToken)
    {
        var view = await CompleteViewAsync(reviewId, cancellationToken);
        return view is null ? NotFound() : View(view);
    }

    [Authorize(Policy = Policies.ManagePlans)]
    [HttpPost("reviews/{reviewId:int}/complete")]
    public async Task<IActionResult> CompleteReview(int reviewId, CancellationToken cancellationToken)
    {
        var view = await CompleteViewAsync(reviewId, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        if (view.RefusedBecause is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Complete), view);
        }

        var review = await db.Reviews.SingleAsync(r => r.Id == reviewId, cancellationToken);
        review.Status = ReviewStatus.Completed;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{review.Title} has been completed. Its action plan and rounds can no longer be changed.";
        return RedirectToAction(nameof(Show), new { reviewId });
    }

    private Task<Review?> LoadAsync(int reviewId, CancellationToken cancellationToken) =>
        db.Reviews.Include(r => r.LinkOfficers).SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);

    private async Task<CompleteReviewView?> CompleteViewAsync(int reviewId, CancellationToken cancellationToken)
    {
        var facts = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(ReviewFacts.Projection).SingleOrDefaultAsync(cancellationToken);
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new { r.Title, OpenRound = r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Label).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        return facts is null || review is null
            ? null
            : new CompleteReviewView(reviewId, review.Title, facts.Status, review.OpenRound, facts.ActionsNeedingUpdate, facts.AwaitingResponse);
    }
}

public sealed record ReviewListView(IReadOnlyList<ReviewListItem> Reviews, IReadOnlyDictionary<int, ReviewLife> Lives, DateOnly Today, int Page, int Pages, int Total, bool CanManage)
{
    /// <summary>A link officer's open rounds, shown first; null for everyone else.</summary>
    public IReadOnlyList<MyRound>? OpenRounds { get; init; }
}

public sealed record ReviewListItem(
    int Id,
    string Title,
    string SelectCommittee,
    YearMonth? ActionPlanAgreed,
    ReviewStatus Status,
    IReadOnlyList<string> LinkOfficers,
    string? LatestRound,
    bool HasOpenRound);

/// <summary>
/// A review is completed once nothing in it needs an update any more: every monitored action signed off
/// and no Executive response awaited. Before that, monitoring can only be closed, with the reason.
/// </summary>
public sealed record CompleteReviewView(int Id, string Title, ReviewStatus Status, string? OpenRound, int ActionsNeedingUpdate, int AwaitingResponse)
{
    public string? RefusedBecause => Status == ReviewStatus.Completed
        ? $"{Title} is already completed."
        : OpenRound is not null
            ? $"The {OpenRound} round is still open. Close it before you complete the review."
            : AwaitingResponse > 0
                ? $"{Count(AwaitingResponse, "recommendation")} still {(AwaitingResponse == 1 ? "awaits" : "await")} the Executive's response, so the review cannot be completed yet."
                : ActionsNeedingUpdate > 0
                    ? $"{Count(ActionsNeedingUpdate, "action")} {(ActionsNeedingUpdate == 1 ? "is" : "are")} not signed off by the committee yet, so the review cannot be completed."
                    : null;

    /// <summary>Closing monitoring, with the committee's reason, is the way to end it before everything is signed off.</summary>
    public bool CanCloseMonitoringInstead => Status != ReviewStatus.Completed && OpenRound is null && (ActionsNeedingUpdate > 0 || AwaitingResponse > 0);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
