using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.RecommendationParts;

/// <summary>Adds, edits, reorders and deletes the lettered parts of a recommendation; letters follow their order.</summary>
[Authorize(Policy = Policies.ManagePlans)]
[Route("reviews/{reviewId:int}/plan")]
public sealed class RecommendationPartsController(ScrutinyDbContext db, PlanOrder order, PlanDeletion deletion) : PlanEditingController
{
    [HttpGet("recommendations/{recommendationId:int}/parts/new")]
    public async Task<IActionResult> Create(int reviewId, int recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await FindRecommendationAsync(reviewId, recommendationId, cancellationToken);
        return recommendation is null ? NotFound() : View("Edit", await NewFormAsync(new PartForm(), recommendation, cancellationToken));
    }

    [HttpPost("recommendations/{recommendationId:int}/parts/new")]
    public async Task<IActionResult> Create(int reviewId, int recommendationId, PartForm form, CancellationToken cancellationToken)
    {
        if (await FindRecommendationAsync(reviewId, recommendationId, cancellationToken) is not { } recommendation)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Edit", await NewFormAsync(form, recommendation, cancellationToken));
        }

        var position = await db.RecommendationParts.CountAsync(p => p.RecommendationId == recommendationId, cancellationToken);
        var part = new RecommendationPart
        {
            RecommendationId = recommendationId,
            Letter = RecommendationPart.LetterFor(position),
            Position = position,
            Text = form.Text.Trim(),
        };
        db.RecommendationParts.Add(part);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"Part {part.Letter}) of recommendation {recommendation.Number} has been added.";
        return RedirectToPlan($"part-{part.Id}");
    }

    [HttpGet("parts/{partId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, int partId, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, partId, cancellationToken) is not { } part)
        {
            return NotFound();
        }

        return View(EditForm(new PartForm { Text = part.Text, Version = part.Version }, part));
    }

    [HttpPost("parts/{partId:int}/edit")]
    public async Task<IActionResult> Edit(int reviewId, int partId, PartForm form, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, partId, cancellationToken) is not { } part)
        {
            return NotFound();
        }

        EditForm(form, part);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        part.Text = form.Text.Trim();
        if (!await db.TrySaveAsync(part, form.Version, ModelState, "part", cancellationToken))
        {
            return View(form);
        }

        TempData["Success"] = $"Part {part.Letter}) of recommendation {part.Recommendation!.Number} has been saved.";
        return RedirectToPlan($"part-{part.Id}");
    }

    [HttpGet("parts/{partId:int}/delete")]
    public async Task<IActionResult> Delete(int reviewId, int partId, CancellationToken cancellationToken)
    {
        var part = await FindAsync(reviewId, partId, cancellationToken);
        return part is null ? NotFound() : DeleteView(await DeleteViewAsync(part, cancellationToken));
    }

    [HttpPost("parts/{partId:int}/delete")]
    public async Task<IActionResult> ConfirmDelete(int reviewId, int partId, CancellationToken cancellationToken)
    {
        if (await FindAsync(reviewId, partId, cancellationToken) is not { } part)
        {
            return NotFound();
        }

        var view = await DeleteViewAsync(part, cancellationToken);
        if (view.HasProgress)
        {
            return DeleteView(view);
        }

        await deletion.DeletePartAsync(part, cancellationToken);
        TempData["Success"] = $"Part {part.Letter}) of recommendation {part.Recommendation!.Number} has been deleted; the parts after it have been relettered.";
        return RedirectToPlan($"recommendation-{part.RecommendationId}");
    }

    [HttpPost("parts/{partId:int}/move")]
    public async Task<IActionResult> Move(int reviewId, int partId, MoveDirection? direction, CancellationToken cancellationToken)
    {
        if (direction is null || !ModelState.IsValid)
        {
            return BadRequest();
        }

        if (await FindAsync(reviewId, partId, cancellationToken) is not { } part)
        {
            return NotFound();
        }

        await order.MovePartAsync(part.RecommendationId, partId, direction.Value, cancellationToken);
        return RedirectToPlan($"part-{partId}");
    }

    private Task<Recommendation?> FindRecommendationAsync(int reviewId, int recommendationId, CancellationToken cancellationToken) =>
        db.Recommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recommendationId && r.ReviewId == reviewId, cancellationToken);

    private Task<RecommendationPart?> FindAsync(int reviewId, int partId, CancellationToken cancellationToken) =>
        db.RecommendationParts.Include(p => p.Recommendation)
            .SingleOrDefaultAsync(p => p.Id == partId && p.Recommendation!.ReviewId == reviewId, cancellationToken);

    /// <summary>"recommendation 1 a)".</summary>
    private static string NameOf(RecommendationPart part) => PlanNames.Owner(part.Recommendation!.Number, part.Letter);

    private async Task<PartForm> NewFormAsync(PartForm form, Recommendation recommendation, CancellationToken cancellationToken)
    {
        var position = await db.RecommendationParts.CountAsync(p => p.RecommendationId == recommendation.Id, cancellationToken);
        form.Review = Review;
        form.PageHeading = $"Add part {RecommendationPart.LetterFor(position)}) to recommendation {recommendation.Number}";
        return form;
    }

    private PartForm EditForm(PartForm form, RecommendationPart part)
    {
        form.Review = Review;
        form.PageHeading = $"Edit {NameOf(part)}";
        return form;
    }

    private async Task<DeleteView> DeleteViewAsync(RecommendationPart part, CancellationToken cancellationToken)
    {
        var actions = await db.PlanActions.CountAsync(a => a.PartId == part.Id, cancellationToken);
        return new DeleteView(Review.Id, Review.Title, NameOf(part), part.Text,
            actions switch { 0 => null, 1 => "its action", _ => $"its {actions} actions" },
            await deletion.HasProgressAsync(a => a.PartId == part.Id, cancellationToken));
    }
}
