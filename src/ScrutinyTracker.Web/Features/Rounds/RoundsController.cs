using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>Opens and closes a review's yearly monitoring rounds, and lists what is due for update.</summary>
[Authorize(Policy = Policies.ManagePlans)]
public sealed class RoundsController(ScrutinyDbContext db, RoundOpening opening, TimeProvider clock) : Controller
{
    [HttpGet("rounds/due")]
    public async Task<IActionResult> Due(
        [FromServices] DueForUpdateQuery query,
        [FromQuery(Name = "responses-page")] int responsesPage = 1,
        [FromQuery(Name = "reviews-page")] int reviewsPage = 1,
        [FromQuery(Name = "committee-page")] int committeePage = 1,
        [FromQuery(Name = "rounds-page")] int roundsPage = 1,
        CancellationToken cancellationToken = default) =>
        View(await query.LoadAsync(new DueForUpdatePages(responsesPage, reviewsPage, committeePage, roundsPage), cancellationToken));

    [HttpGet("reviews/{reviewId:int}/rounds/open")]
    public async Task<IActionResult> Open(int reviewId, CancellationToken cancellationToken)
    {
        var view = await opening.PrepareAsync(reviewId, cancellationToken);
        return view is null ? NotFound() : View(OpenRoundForm.For(view));
    }

    [HttpPost("reviews/{reviewId:int}/rounds/open")]
    public async Task<IActionResult> Open(int reviewId, OpenRoundForm form, CancellationToken cancellationToken)
    {
        if (await opening.PrepareAsync(reviewId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        form.Opening = view;
        if (view.RefusedBecause is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(form);
        }

        if (!ModelState.IsValid || !await opening.TryOpenAsync(view, form, ModelState, cancellationToken))
        {
            return View(form);
        }

        TempData["Success"] = $"The {form.Label.Trim()} round is open: {Updates(view.ActionsToUpdate.Count)} to fill in.";
        return Redirect($"/reviews/{reviewId}");
    }

    [HttpGet("rounds/{roundId:int}/close")]
    public async Task<IActionResult> Close(int roundId, CancellationToken cancellationToken)
    {
        var view = await CloseViewAsync(roundId, cancellationToken);
        return view is null ? NotFound() : View(view);
    }

    [HttpPost("rounds/{roundId:int}/close")]
    public async Task<IActionResult> CloseRound(int roundId, CancellationToken cancellationToken)
    {
        // The round is read before its updates are counted: a decision on an update renews the round's
        // version, so one made after this read makes the save below fail instead of closing too early.
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || await CloseViewAsync(roundId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        if (view.RefusedBecause is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Close), view);
        }

        round.Status = RoundStatus.Closed;
        round.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone changed this round while you were closing it. Check it again below.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Close), await CloseViewAsync(roundId, cancellationToken));
        }

        TempData["Success"] = $"The {round.Label} round is closed.";
        return Redirect($"/reviews/{round.ReviewId}");
    }

    private Task<CloseRoundView?> CloseViewAsync(int roundId, CancellationToken cancellationToken) =>
        db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new CloseRoundView(
                r.Id,
                r.ReviewId,
                r.Review!.Title,
                r.Label,
                r.Status,
                r.Updates.Count,
                r.Updates.Count(u => u.Status == UpdateStatus.Draft),
                r.Updates.Count(u => u.Status == UpdateStatus.Submitted),
                r.Updates.Count(u => u.Status == UpdateStatus.Returned)))
            .SingleOrDefaultAsync(cancellationToken);

    private static string Updates(int count) => count == 1 ? "1 update" : $"{count} updates";
}

/// <summary>A round can be closed once every update in it is accepted.</summary>
public sealed record CloseRoundView(int RoundId, int ReviewId, string Title, string Label, RoundStatus Status, int Updates, int NotSubmitted, int Submitted, int Returned)
{
    public int NotAccepted => NotSubmitted + Submitted + Returned;

    public string? RefusedBecause => Status == RoundStatus.Closed
        ? $"The {Label} round is already closed."
        : NotAccepted > 0
            ? $"You can close the {Label} round when every update in it has been accepted. {NotAccepted} of {Updates} are not accepted yet."
            : null;
}
