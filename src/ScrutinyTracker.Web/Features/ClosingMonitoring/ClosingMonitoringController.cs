using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.ClosingMonitoring;

/// <summary>Records the committee's decision to end monitoring of a review, or of one of its recommendations, with the reason and date.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class ClosingMonitoringController(MonitoringClosure closure) : Controller
{
    [HttpGet("reviews/{reviewId:int}/close-monitoring")]
    public async Task<IActionResult> CloseReview(int reviewId, CancellationToken cancellationToken) =>
        Show(await closure.ForReviewAsync(reviewId, cancellationToken));

    [HttpPost("reviews/{reviewId:int}/close-monitoring")]
    public async Task<IActionResult> CloseReview(int reviewId, CloseMonitoringForm form, CancellationToken cancellationToken) =>
        await CloseAsync(await closure.ForReviewAsync(reviewId, cancellationToken), form, cancellationToken);

    [HttpGet("reviews/{reviewId:int}/recommendations/{recommendationId:int}/close-monitoring")]
    public async Task<IActionResult> CloseRecommendation(int reviewId, int recommendationId, CancellationToken cancellationToken) =>
        Show(await closure.ForRecommendationAsync(reviewId, recommendationId, cancellationToken));

    [HttpPost("reviews/{reviewId:int}/recommendations/{recommendationId:int}/close-monitoring")]
    public async Task<IActionResult> CloseRecommendation(int reviewId, int recommendationId, CloseMonitoringForm form, CancellationToken cancellationToken) =>
        await CloseAsync(await closure.ForRecommendationAsync(reviewId, recommendationId, cancellationToken), form, cancellationToken);

    private IActionResult Show(CloseMonitoringView? view) =>
        view is null ? NotFound() : View("Close", new CloseMonitoringForm { ClosedOn = DateInput.Of(view.Today), View = view });

    private async Task<IActionResult> CloseAsync(CloseMonitoringView? view, CloseMonitoringForm form, CancellationToken cancellationToken)
    {
        if (view is null)
        {
            return NotFound();
        }

        form.View = view;
        if (view.RefusedBecause is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Close", form);
        }

        if (!ModelState.IsValid || !await closure.CloseAsync(view, form, ModelState, cancellationToken))
        {
            return View("Close", form);
        }

        TempData["Success"] = view.RecommendationNumber is { } number
            ? $"Monitoring of recommendation {number} is closed. Its actions get no more updates."
            : $"Monitoring of {view.ReviewTitle} is closed. No more rounds can be opened.";
        return Redirect(view.RecommendationId is null ? $"/reviews/{view.ReviewId}" : $"/reviews/{view.ReviewId}/plan");
    }
}
