using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Recommendations;

/// <summary>Adds, edits, reorders and deletes the numbered recommendations of a review's action plan.</summary>
[Authorize(Policy = Policies.ManagePlans)]
[Route("reviews/{reviewId:int}/plan/recommendations")]
public sealed class RecommendationsController(ScrutinyDbContext db, PlanOrder order, PlanDeletion deletion) : PlanEditingController
{
    [HttpGet("new")]
    public async Task<IActionResult> Create(int reviewId, CancellationToken cancellationToken) =>
        View("Edit", await NewFormAsync(new RecommendationForm(), reviewId, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> Create(int reviewId, RecommendationForm form, CancellationToken cancellationToken)
    {
        await NewFormAsync(form, reviewId, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var last = await db.Recommendations.Where(r => r.ReviewId == reviewId)
            .OrderByDescending(r => r.Position)
            .Select(r => new { r.Number, r.Position })
            .FirstOrDefaultAsync(cancellationToken);
        var recommendation = new Recommendation
        {
            ReviewId = reviewId,
            Number = (last?.Number ?? 0) + 1,
            Position = (last?.Position ?? -1) + 1,
            Text = form.Text.Trim(),
        };
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Recommendation {recommendation.Number} has been added.";
        return RedirectToPlan($"recommendation-{recommendation.Id}");
    }

    [HttpGet("{recommendationId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, int recommendationId, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, recommendationId, cancellationToken) is not { } recommendation)
        {
            return NotFound();
        }

        return View(EditForm(new RecommendationForm { Text = recommendation.Text, Version = recommendation.Version }, recommendation));
    }

    [HttpPost("{recommendationId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, int recommendationId, RecommendationForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, recommendationId, cancellationToken) is not { } recommendation)
        {
            return NotFound();
        }

        EditForm(form, recommendation);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        recommendation.Text = form.Text.Trim();
        if (!await db.TrySaveAsync(recommendation, form.Version, ModelState, "recommendation", cancellationToken))
        {
            return View(form);
        }

        TempData["Success"] = $"Recommendation {recommendation.Number} has been saved.";
        return RedirectToPlan($"recommendation-{recommendation.Id}");
    }

    [HttpGet("{recommendationId:int}/delete")]
    public async Task<IActionResult> Delete(int reviewId, int recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await FindAsync(reviewId, recommendationId, cancellationToken);
        return recommendation is null ? NotFound() : DeleteView(await DeleteViewAsync(recommendation, cancellationToken));
    }

    [HttpPost("{recommendationId:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int reviewId, int recommendationId, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, recommendationId, cancellationToken) is not { } recommendation)
        {
            return NotFound();
        }

        var view = await DeleteViewAsync(recommendation, cancellationToken);
        if (view.HasProgress)
        {
            return DeleteView(view);
        }

        await deletion.DeleteRecommendationAsync(recommendation, cancellationToken);
        TempData["Success"] = $"Recommendation {recommendation.Number} has been deleted; the recommendations after it have been renumbered.";
        return Redirect(Review.PlanUrl);
    }

    [HttpPost("{recommendationId:int}/move")]
    public async Task<IActionResult> Move(int reviewId, int recommendationId, MoveDirection? direction, CancellationToken cancellationToken)
    {
        if (direction is null || !ModelState.IsValid)
        {
            return BadRequest();
        }

        if (await FindAsync(reviewId, recommendationId, cancellationToken) is null)
        {
            return NotFound();
        }

        await order.MoveRecommendationAsync(reviewId, recommendationId, direction.Value, cancellationToken);
        return RedirectToPlan($"recommendation-{recommendationId}");
    }

    private Task<Recommendation?> FindAsync(int reviewId, int recommendationId, CancellationToken cancellationToken) =>
        db.Recommendations.SingleOrDefaultAsync(r => r.Id == recommendationId && r.ReviewId == reviewId, cancellationToken);

    private async Task<RecommendationForm> NewFormAsync(RecommendationForm form, int reviewId, CancellationToken cancellationToken)
    {
        var count = await db.Recommendations.CountAsync(r => r.ReviewId == reviewId, cancellationToken);
        form.Review = Review;
        form.PageHeading = $"Add recommendation {count + 1}";
        return form;
    }

    private RecommendationForm EditForm(RecommendationForm form, Recommendation recommendation)
    {
        form.Review = Review;
        form.PageHeading = $"Edit recommendation {recommendation.Number}";
        return form;
    }

    private async Task<DeleteView> DeleteViewAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        var parts = await db.RecommendationParts.CountAsync(p => p.RecommendationId == recommendation.Id, cancellationToken);
        var actions = await db.PlanActions.CountAsync(a => a.RecommendationId == recommendation.Id, cancellationToken);
        var contents = (parts, actions) switch
        {
            (0, 0) => null,
            (0, _) => $"its {Plural(actions, "action")}",
            _ => $"its {Plural(parts, "part")} and {Plural(actions, "action")}",
        };
        return new DeleteView(Review.Id, Review.Title, $"recommendation {recommendation.Number}", recommendation.Text, contents,
            await deletion.HasProgressAsync(a => a.RecommendationId == recommendation.Id, cancellationToken));
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
