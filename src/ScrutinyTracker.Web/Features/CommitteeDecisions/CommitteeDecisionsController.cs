using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CommitteeDecisions;

/// <summary>The Select Committee's consideration of a closed round: the meeting, and per action signed off, grade changed or continue monitoring.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class CommitteeDecisionsController(ConsiderationQuery query, CommitteeDecisionRecording recording, ScrutinyDbContext db) : Controller
{
    [HttpGet("rounds/{roundId:int}/committee")]
    public async Task<IActionResult> Consider(int roundId, CancellationToken cancellationToken)
    {
        var view = await query.LoadAsync(roundId, cancellationToken);
        return view is null ? NotFound() : View(ConsiderationForm.For(view));
    }

    [HttpPost("rounds/{roundId:int}/committee")]
    public async Task<IActionResult> Record(int roundId, ConsiderationForm form, CancellationToken cancellationToken)
    {
        if (await query.LoadAsync(roundId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        form.View = view;
        if (view.RefusedBecause is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Consider), form);
        }

        var result = await recording.SaveAsync(view, form, ModelState, cancellationToken);
        if (result == RecordResult.Conflict)
        {
            // Saving again, deliberately, replaces the colleague's decisions with these.
            form.View = (await query.LoadAsync(roundId, cancellationToken))!;
            form.Version = form.View.Version;
            ModelState.Remove(nameof(ConsiderationForm.Version));
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        if (result != RecordResult.Saved)
        {
            return View(nameof(Consider), form);
        }

        TempData["Success"] = await SuccessMessageAsync(view, form, cancellationToken);
        return Redirect($"/reviews/{view.ReviewId}");
    }

    private async Task<string> SuccessMessageAsync(ConsiderationView view, ConsiderationForm form, CancellationToken cancellationToken)
    {
        var outcomes = form.Decisions.Values.Select(d => d.Outcome).ToList();
        var message = $"The committee's decisions on the {view.Label} round are recorded: "
            + $"{outcomes.Count(o => o == CommitteeOutcome.SignedOff)} signed off, "
            + $"{outcomes.Count(o => o == CommitteeOutcome.GradeChanged)} with the grade changed, "
            + $"{outcomes.Count(o => o == CommitteeOutcome.ContinueMonitoring)} continuing.";
        var stillMonitored = await db.PlanActions.Where(a => a.Recommendation!.ReviewId == view.ReviewId).CountAsync(Monitoring.NeedsUpdate, cancellationToken);
        return stillMonitored == 0 ? message + $" Every monitored action of {view.ReviewTitle} is now signed off." : message;
    }
}
