using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.ExecutiveResponses;

/// <summary>
/// The Executive's response to each recommendation of a review: read by everyone who may read the review,
/// recorded by scrutiny officers until monitoring of the recommendation starts.
/// </summary>
[Authorize(Policy = Policies.ReadReports)]
public sealed class ExecutiveResponsesController(ExecutiveResponsesQuery query, ExecutiveResponseRecording recording, ReviewAccess access) : Controller
{
    [HttpGet("reviews/{reviewId:int}/executive-responses")]
    public async Task<IActionResult> Index(int reviewId, CancellationToken cancellationToken)
    {
        if (!await access.CanReadAsync(reviewId, cancellationToken) || await query.LoadAsync(reviewId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var form = FormFor(view);
        form.View = view with { CanManage = access.EditsAllReviews };
        return View(form);
    }

    [Authorize(Policy = Policies.ManagePlans)]
    [HttpPost("reviews/{reviewId:int}/executive-responses")]
    public async Task<IActionResult> Record(int reviewId, ExecutiveResponsesForm form, CancellationToken cancellationToken)
    {
        if (await query.LoadAsync(reviewId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        var saved = ModelState.IsValid ? await recording.SaveAsync(view, form, ModelState, cancellationToken) : null;
        if (saved is { } count)
        {
            TempData["Success"] = count switch
            {
                0 => "Nothing had changed, so nothing was saved.",
                1 => "The Executive's response has been saved.",
                _ => $"The Executive's responses to {count} recommendations have been saved.",
            };
            return Redirect($"/reviews/{reviewId}/executive-responses");
        }

        Response.StatusCode = view.ReviewLocked ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        form.View = view with { CanManage = true };
        return View(nameof(Index), form);
    }

    /// <summary>The form as stored: the latest decision's date, each editable recommendation's response.</summary>
    private static ExecutiveResponsesForm FormFor(ExecutiveResponsesView view) => new()
    {
        DecidedOn = DateInput.Of(view.LatestDecision),
        Responses = view.Recommendations.Where(r => r.IsEditable).ToDictionary(r => r.Id, r => new ResponseForm
        {
            Decision = r.Decision,
            Text = r.ResponseText,
            Version = r.Version,
        }),
    };
}
