using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Plans;

/// <summary>A review's action plan, for everyone who may read the review; officers edit it from here.</summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class PlansController(ReviewAccess access, PlanQuery query) : Controller
{
    [HttpGet("reviews/{reviewId:int}/plan")]
    public async Task<IActionResult> Show(int reviewId, CancellationToken cancellationToken)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken) || await query.LoadAsync(reviewId, cancellationToken) is not { } plan)
        {
            return NotFound();
        }

        return View(plan with { CanEdit = access.EditsAllReviews && plan.Status == ReviewStatus.Monitoring });
    }
}
