using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ScrutinyTracker.Web.Features.Updates;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CheckUpdates;

/// <summary>Scrutiny officers' side of a round: the queue of submitted updates, accepting, returning and reopening.</summary>
[Authorize(Policy = Policies.CheckUpdates)]
public sealed class CheckUpdatesController(RoundUpdatesQuery query, UpdateChecking checking) : Controller
{
    [HttpGet("rounds/{roundId:int}/check")]
    public async Task<IActionResult> Check(int roundId, CancellationToken cancellationToken)
    {
        var round = await query.HeaderAsync(roundId, cancellationToken);
        return round is null ? NotFound() : View(new CheckPage(round, await query.ItemsAsync(round, cancellationToken)));
    }

    [HttpPost("rounds/{roundId:int}/accept-all")]
    public async Task<IActionResult> AcceptAll(int roundId, AcceptAllForm form, CancellationToken cancellationToken)
    {
        var round = await query.HeaderAsync(roundId, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        if (!round.IsOpen)
        {
            ModelState.AddModelError("", $"The {round.Label} round is closed, so its updates can no longer be changed");
            return View(nameof(Check), new CheckPage(round, await query.ItemsAsync(round, cancellationToken)));
        }

        var (accepted, skipped) = await checking.AcceptAllAsync(roundId, form.Updates, cancellationToken);
        TempData["Success"] = (accepted == 1 ? "1 update accepted." : $"{accepted} updates accepted.")
            + (skipped == 0 ? "" : $" {skipped} changed after you opened the page and {(skipped == 1 ? "was" : "were")} not accepted: check {(skipped == 1 ? "it" : "them")} again.");
        return RedirectToAction(nameof(Check), new { roundId });
    }

    [HttpPost("updates/{updateId:int}/accept")]
    public async Task<IActionResult> AcceptUpdate(int updateId, AcceptUpdateForm form, CancellationToken cancellationToken)
    {
        var shown = await FindAsync(updateId, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(form.Comment))
        {
            var key = CheckPage.CommentKey(updateId);
            ModelState.SetModelValue(key, form.Comment, form.Comment);
            ModelState.AddModelError(key, $"You wrote a comment for the link officer about {shown.Item.Name}. Return the update to send it, or delete the comment to accept it");
            return View(nameof(Check), new CheckPage(shown.Round, shown.Items));
        }

        var result = await checking.AcceptAsync(updateId, form.Version, cancellationToken);
        if (result == CheckResult.Done)
        {
            TempData["Success"] = $"{shown.Item.Name} has been accepted.";
            return RedirectToAction(nameof(Check), null, new { roundId = shown.Round.Id }, $"update-{updateId}");
        }

        AddError(result, shown, "only a submitted update can be accepted");
        return View(nameof(Check), new CheckPage(shown.Round, await query.ItemsAsync(shown.Round, cancellationToken)));
    }

    [HttpGet("updates/{updateId:int}/return")]
    public async Task<IActionResult> ReturnUpdate(int updateId, CancellationToken cancellationToken)
    {
        var shown = await FindAsync(updateId, cancellationToken);
        return shown is null ? NotFound() : View(new ReturnUpdateForm { Shown = shown });
    }

    [HttpPost("updates/{updateId:int}/return")]
    public async Task<IActionResult> ReturnUpdate(int updateId, ReturnUpdateForm form, CancellationToken cancellationToken)
    {
        var shown = await FindAsync(updateId, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await checking.ReturnAsync(updateId, form.Version, form.Comment!, cancellationToken) : (CheckResult?)null;
        if (result == CheckResult.Done)
        {
            TempData["Success"] = $"{shown.Item.Name} has been returned to the link officer.";
            return RedirectToAction(nameof(Check), new { roundId = shown.Round.Id });
        }

        AddError(result, shown, "it can only be returned while it is submitted");
        form.Shown = shown;
        return View(form);
    }

    [HttpGet("updates/{updateId:int}/reopen")]
    public async Task<IActionResult> ReopenUpdate(int updateId, CancellationToken cancellationToken)
    {
        var shown = await FindAsync(updateId, cancellationToken);
        return shown is null ? NotFound() : View(new ReopenUpdateForm { Shown = shown });
    }

    [HttpPost("updates/{updateId:int}/reopen")]
    public async Task<IActionResult> ReopenUpdate(int updateId, ReopenUpdateForm form, CancellationToken cancellationToken)
    {
        var shown = await FindAsync(updateId, cancellationToken);
        if (shown is null)
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await checking.ReopenAsync(updateId, form.Version, form.Reason!, cancellationToken) : (CheckResult?)null;
        if (result == CheckResult.Done)
        {
            TempData["Success"] = $"{shown.Item.Name} has been reopened and returned to the link officer.";
            return RedirectToAction(nameof(Check), new { roundId = shown.Round.Id });
        }

        AddError(result, shown, "only an accepted update can be reopened");
        form.Shown = shown;
        return View(form);
    }

    private async Task<CheckedUpdate?> FindAsync(int updateId, CancellationToken cancellationToken)
    {
        var roundId = await query.RoundOfUpdateAsync(updateId, cancellationToken);
        var round = roundId is null ? null : await query.HeaderAsync(roundId.Value, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var items = await query.ItemsAsync(round, cancellationToken);
        return new CheckedUpdate(round, items.Single(i => i.Id == updateId), items);
    }

    /// <summary>Why a decision was refused; the page is shown again with the officer's text kept.</summary>
    private void AddError(CheckResult? result, CheckedUpdate shown, string wrongStatus)
    {
        var message = result switch
        {
            CheckResult.RoundClosed => $"The {shown.Round.Label} round is closed, so its updates can no longer be changed",
            CheckResult.Changed => $"{shown.Item.Name} changed while you were looking at it. Check it again below",
            CheckResult.WrongStatus => $"{shown.Item.Name} is {shown.Item.Status.ToString().ToLowerInvariant()}: {wrongStatus}",
            _ => null,
        };
        if (message is not null)
        {
            ModelState.AddModelError("", message);
        }
    }
}
