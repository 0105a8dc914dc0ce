using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Updates;

/// <summary>Link officers' side of a round: their open rounds, the round form, saving drafts and submitting.</summary>
[Authorize(Policy = Policies.EnterUpdates)]
public sealed class UpdatesController(RoundUpdatesQuery query, RoundUpdatesEditor editor, ReviewAccess access, SessionExpiry expiry, TimeProvider clock) : Controller
{
    private const string SavedUpdateKey = "SavedUpdate";
    private const string SavedAtKey = "SavedAt";

    /// <summary>The open rounds of the reviews the user is link officer for; officers find rounds through the reviews instead.</summary>
    [HttpGet("my-updates")]
    [Authorize(Roles = Roles.LinkOfficer)]
    public async Task<IActionResult> MyUpdates([FromServices] MyUpdatesQuery myUpdates, CancellationToken cancellationToken) =>
        View(await myUpdates.RunAsync(cancellationToken));

    [HttpGet("rounds/{roundId:int}/updates")]
    public async Task<IActionResult> Round(int roundId, CancellationToken cancellationToken)
    {
        var page = await query.OnOneConnectionAsync(async () =>
            await FindRoundAsync(roundId, cancellationToken) is { } round ? RoundFormPage.Build(round, await query.ItemsAsync(round, cancellationToken)) : null,
            cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        if (TempData[SavedUpdateKey] is int updateId && TempData[SavedAtKey] is string at)
        {
            page.Saved = (updateId, at);
        }

        return View(page);
    }

    /// <summary>"Save all as draft".</summary>
    [HttpPost("rounds/{roundId:int}/updates")]
    public Task<IActionResult> SaveDrafts(int roundId, RoundForm form, CancellationToken cancellationToken) =>
        SaveAsync(roundId, form, savedUpdateId: null, cancellationToken);

    /// <summary>
    /// An action's "Save" button. Without JavaScript the whole form is posted here, so everything typed
    /// is saved and the page returns to the action; with JavaScript only the action's own answers are
    /// posted, in the background, and the answer is JSON.
    /// </summary>
    [HttpPost("rounds/{roundId:int}/updates/{updateId:int}")]
    public Task<IActionResult> SaveUpdate(int roundId, int updateId, RoundForm form, CancellationToken cancellationToken) =>
        SaveAsync(roundId, form, updateId, cancellationToken);

    [HttpPost("rounds/{roundId:int}/submit")]
    public async Task<IActionResult> SubmitUpdates(int roundId, RoundForm form, CancellationToken cancellationToken)
    {
        var round = await FindRoundAsync(roundId, cancellationToken);
        if (round is null || UnreadableUpdateId)
        {
            return NotFound();
        }

        if (!round.IsOpen)
        {
            return await RefuseClosedAsync(round, form, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return await RoundPageAsync(round, form, null, cancellationToken);
        }

        var outcome = await editor.SaveAsync(round, form.Updates, submit: true, cancellationToken);
        switch (outcome.Result)
        {
            case EditResult.NotFound:
                return NotFound();
            case EditResult.Submitted:
                TempData["Success"] = $"Your {round.Label} updates for {round.ReviewTitle} have been sent to the scrutiny officer.";
                return RedirectToAction(nameof(Round), new { roundId });
            case EditResult.SavedButNotSubmitted:
                // The answers are saved: show the stored page, which now holds exactly what was posted.
                ModelState.Clear();
                AddErrors(outcome);
                return await RoundPageAsync(round, null, outcome, cancellationToken);
            default:
                AddErrors(outcome);
                return await RoundPageAsync(round, form, outcome, cancellationToken);
        }
    }

    private async Task<IActionResult> SaveAsync(int roundId, RoundForm form, int? savedUpdateId, CancellationToken cancellationToken)
    {
        var round = await FindRoundAsync(roundId, cancellationToken);
        if (round is null || UnreadableUpdateId || (savedUpdateId is { } id && await query.RoundOfUpdateAsync(id, cancellationToken) != roundId))
        {
            return NotFound();
        }

        if (!round.IsOpen)
        {
            return FromScript ? Conflict(new { error = $"The {round.Label} round is closed" }) : await RefuseClosedAsync(round, form, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return FromScript ? UnprocessableEntity(new { errors = ModelStateErrors() }) : await RoundPageAsync(round, form, null, cancellationToken);
        }

        var outcome = await editor.SaveAsync(round, form.Updates, submit: false, cancellationToken);
        if (outcome.Result == EditResult.NotFound)
        {
            return NotFound();
        }

        var savedAt = UkTime.FromUtc(clock.GetUtcNow().UtcDateTime).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (FromScript)
        {
            return outcome.Result == EditResult.Saved
                ? Json(new { savedAt, versions = outcome.Versions, session = await expiry.AfterThisRequestAsync(HttpContext) })
                : UnprocessableEntity(new { errors = outcome.Errors.Select(e => e.Message) });
        }

        if (outcome.Result != EditResult.Saved)
        {
            AddErrors(outcome);
            return await RoundPageAsync(round, form, outcome, cancellationToken);
        }

        if (savedUpdateId is null)
        {
            TempData["Success"] = "Your answers have been saved as a draft.";
            return RedirectToAction(nameof(Round), new { roundId });
        }

        TempData[SavedUpdateKey] = savedUpdateId;
        TempData[SavedAtKey] = savedAt;
        return RedirectToAction(nameof(Round), null, new { roundId }, $"action-{savedUpdateId}");
    }

    /// <summary>What binding refused (a grade of 5, text with control characters), for a background save to show.</summary>
    private string[] ModelStateErrors() =>
        ModelState.Values.SelectMany(entry => entry.Errors).Select(error => error.ErrorMessage).Distinct().ToArray();

    /// <summary>An update id that is not a number ("Updates[abc].Evidence") names no update of the round, as an unknown id does.</summary>
    private bool UnreadableUpdateId => ModelState[nameof(RoundForm.Updates)] is { Errors.Count: > 0 };

    /// <summary>Scripts ask for JSON; the form works without them.</summary>
    private bool FromScript => Request.Headers.ContainsKey("X-Requested-With");

    private async Task<RoundHeader?> FindRoundAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await query.HeaderAsync(roundId, cancellationToken);
        return round is not null && await access.CanEnterUpdatesAsync(round.ReviewId, cancellationToken) ? round : null;
    }

    private async Task<IActionResult> RefuseClosedAsync(RoundHeader round, RoundForm form, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", $"The {round.Label} round is closed, so its updates can no longer be changed");
        return await RoundPageAsync(round, form, null, cancellationToken);
    }

    private async Task<IActionResult> RoundPageAsync(RoundHeader round, RoundForm? posted, EditOutcome? outcome, CancellationToken cancellationToken)
    {
        var items = await query.ItemsAsync(round, cancellationToken);
        return View(nameof(Round), RoundFormPage.Build(round, items, posted?.Updates, outcome?.Conflicts));
    }

    private void AddErrors(EditOutcome outcome)
    {
        foreach (var error in outcome.Errors)
        {
            ModelState.AddModelError(error.Key, error.Message);
        }
    }
}
