using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Publishing;

/// <summary>
/// A scrutiny officer's decision to show a review on the public pages, or to withdraw it. Reviews are not
/// published unless someone does so; both are changes of the review, so the audit trail records who and when.
/// </summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class PublishingController(ScrutinyDbContext db, TimeProvider clock) : Controller
{
    [HttpPost("reviews/{reviewId:int}/publish")]
    public async Task<IActionResult> Publish(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        if (review.PublishedAtUtc is null)
        {
            review.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Success"] = $"{review.Title} is published: anyone can read its accepted progress on the public pages.";
        return Redirect($"~/reviews/{reviewId}");
    }

    [HttpPost("reviews/{reviewId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null)
        {
            return NotFound();
        }

        if (review.PublishedAtUtc is not null)
        {
            review.PublishedAtUtc = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Success"] = $"{review.Title} has been withdrawn from the public pages.";
        return Redirect($"~/reviews/{reviewId}");
    }
}
