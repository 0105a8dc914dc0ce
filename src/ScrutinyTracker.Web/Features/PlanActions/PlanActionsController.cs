using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.PlanActions;

/// <summary>Adds, edits, reorders and deletes the actions of a recommendation or of one of its parts.</summary>
[Authorize(Policy = Policies.ManagePlans)]
[Route("reviews/{reviewId:int}/plan")]
public sealed class PlanActionsController(ScrutinyDbContext db, PlanOrder order, PlanDeletion deletion) : PlanEditingController
{
    [HttpGet("recommendations/{recommendationId:int}/actions/new")]
    public async Task<IActionResult> Create(int reviewId, int recommendationId, int? partId, CancellationToken cancellationToken)
    {
        if (await FindOwnerAsync(reviewId, recommendationId, partId, cancellationToken) is not { } owner)
        {
            return NotFound();
        }

        return View("Edit", NewForm(new PlanActionForm { PartId = partId }, owner));
    }

    [HttpPost("recommendations/{recommendationId:int}/actions/new")]
    public async Task<IActionResult> Create(int reviewId, int recommendationId, PlanActionForm form, CancellationToken cancellationToken)
    {
        if (await FindOwnerAsync(reviewId, recommendationId, form.PartId, cancellationToken) is not { } owner)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", NewForm(form, owner));
        }

        var action = new PlanAction
        {
            RecommendationId = recommendationId,
            PartId = form.PartId,
            Position = await db.PlanActions.CountAsync(a => a.RecommendationId == recommendationId && a.PartId == form.PartId, cancellationToken),
            Responsibility = "",
            TargetDate = "",
            AgreedAction = "",
            SuccessMeasure = "",
        };
        form.ApplyTo(action);
        // An action added while a round is open is reported on in that round too, when its recommendation
        // is monitored (as opening the round would have asked): one awaiting the Executive's response, not
        // accepted or closed gets no update.
        var openRound = await db.Rounds.SingleOrDefaultAsync(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open, cancellationToken);
        if (openRound is not null
            && await db.Recommendations.Where(r => r.Id == recommendationId).AnyAsync(Monitoring.IsMonitoredRecommendation, cancellationToken))
        {
            action.Updates.Add(new ProgressUpdate { RoundId = openRound.Id });
            // Renewing the round's version makes this new update and a close of the round exclude each other.
            db.Entry(openRound).Property(r => r.Version).IsModified = true;
        }

        db.PlanActions.Add(action);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The review's open round changed (it may have been closed) while you were adding this action. Nothing was saved: check the action below and save it again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Edit", NewForm(form, owner));
        }

        TempData["Success"] = $"An action has been added to {owner.Name}.";
        return RedirectToPlan(owner.Anchor);
    }

    [HttpGet("actions/{actionId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, int actionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, actionId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        return View(EditForm(PlanActionForm.From(found.Action), found));
    }

    [HttpPost("actions/{actionId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, int actionId, PlanActionForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, actionId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        EditForm(form, found);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        form.ApplyTo(found.Action);
        if (!await db.TrySaveAsync(found.Action, form.Version, ModelState, "action", cancellationToken))
        {
            return View(form);
        }

        TempData["Success"] = $"{Capitalised(found.Name)} has been saved.";
        return RedirectToPlan(found.Owner.Anchor);
    }

    [HttpGet("actions/{actionId:int}/delete")]
    public async Task<IActionResult> Delete(int reviewId, int actionId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(reviewId, actionId, cancellationToken);
        return found is null ? NotFound() : DeleteView(await DeleteViewAsync(found, cancellationToken));
    }

    [HttpPost("actions/{actionId:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int reviewId, int actionId, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, actionId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var view = await DeleteViewAsync(found, cancellationToken);
        if (view.HasProgress)
        {
            return DeleteView(view);
        }

        await deletion.DeleteActionAsync(found.Action, cancellationToken);
        TempData["Success"] = $"{Capitalised(found.Name)} has been deleted.";
        return RedirectToPlan(found.Owner.Anchor);
    }

    [HttpPost("actions/{actionId:int}/move")]
    public async Task<IActionResult> Move(int reviewId, int actionId, MoveDirection? direction, CancellationToken cancellationToken)
    {
        if (direction is null || !ModelState.IsValid)
        {
            return BadRequest();
        }

        if (await FindAsync(reviewId, actionId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        await order.MoveActionAsync(found.Action, direction.Value, cancellationToken);
        return RedirectToPlan(found.Owner.Anchor);
    }

    /// <summary>The recommendation, or its part, that a new action goes into.</summary>
    private async Task<ActionOwner?> FindOwnerAsync(int reviewId, int recommendationId, int? partId, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendationId && r.ReviewId == reviewId)
            .Select(r => new { r.Number, Part = r.Parts.Where(p => p.Id == partId).Select(p => new { p.Id, p.Letter }).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        return recommendation is null || (partId is not null && recommendation.Part is null)
            ? null
            : new ActionOwner(recommendationId, recommendation.Number, recommendation.Part?.Id, recommendation.Part?.Letter);
    }

    /// <summary>The action with what its name needs: its owner and how many columns stand beside it.</summary>
    private async Task<FoundAction?> FindAsync(int reviewId, int actionId, CancellationToken cancellationToken)
    {
        var action = await db.PlanActions.Include(a => a.Recommendation).Include(a => a.Part)
            .SingleOrDefaultAsync(a => a.Id == actionId && a.Recommendation!.ReviewId == reviewId, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var columns = await db.PlanActions.CountAsync(a => a.RecommendationId == action.RecommendationId && a.PartId == action.PartId, cancellationToken);
        return new FoundAction(action, new ActionOwner(action.RecommendationId, action.Recommendation!.Number, action.PartId, action.Part?.Letter), columns);
    }

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private PlanActionForm NewForm(PlanActionForm form, ActionOwner owner)
    {
        form.Review = Review;
        form.PageHeading = $"Add an action to {owner.Name}";
        return form;
    }

    private PlanActionForm EditForm(PlanActionForm form, FoundAction found)
    {
        form.Review = Review;
        form.PartId = found.Action.PartId;
        form.PageHeading = $"Edit {found.Name}";
        return form;
    }

    private async Task<DeleteView> DeleteViewAsync(FoundAction found, CancellationToken cancellationToken) =>
        new(Review.Id, Review.Title, found.Name, found.Action.AgreedAction, null,
            await deletion.HasProgressAsync(a => a.Id == found.Action.Id, cancellationToken));

    private sealed record FoundAction(PlanAction Action, ActionOwner Owner, int Columns)
    {
        public string Name => PlanNames.Action(Owner.Number, Owner.Letter, Action.Heading, Action.Position, Columns);
    }

    private sealed record ActionOwner(int RecommendationId, int Number, int? PartId, string? Letter)
    {
        public string Name => PlanNames.Owner(Number, Letter);

        public string Anchor => PartId is { } partId ? $"part-{partId}" : $"recommendation-{RecommendationId}";
    }
}
