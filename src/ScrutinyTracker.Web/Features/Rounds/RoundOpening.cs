using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>
/// Opens a review's next round. Every action not yet Fully Achieved (graded 1 and accepted in an
/// earlier round) gets a draft update to fill in; achieved actions need nothing more.
/// </summary>
public sealed class RoundOpening(ScrutinyDbContext db, TimeProvider clock)
{
    /// <summary>What opening a round now would do; null when the review does not exist. Two queries.</summary>
    public async Task<RoundOpeningView?> PrepareAsync(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.Title,
                r.Status,
                r.ActionPlanAgreed,
                OpenRound = r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Label).FirstOrDefault(),
                LastDueDate = r.Rounds.Max(x => (DateOnly?)x.DueDate),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var actions = await db.PlanActions.AsNoTracking()
            .Where(a => a.Recommendation!.ReviewId == reviewId)
            .OrderBy(a => a.Recommendation!.Position).ThenBy(a => a.Part == null ? -1 : a.Part.Position).ThenBy(a => a.Position)
            .Select(a => new
            {
                a.Id,
                a.Recommendation!.Number,
                Letter = a.Part == null ? null : a.Part.Letter,
                a.Heading,
                a.Position,
                Columns = a.PartId == null ? a.Recommendation.Actions.Count(x => x.PartId == null) : a.Part!.Actions.Count,
                AchievedIn = a.Updates
                    .Where(u => u.Status == UpdateStatus.Accepted && u.Grade == Grade.FullyAchieved)
                    .OrderBy(u => u.Round!.DueDate)
                    .Select(u => u.Round!.Label)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new RoundOpeningView(
            reviewId,
            review.Title,
            review.Status,
            review.OpenRound,
            RoundSchedule.NextDueDate(review.ActionPlanAgreed, review.LastDueDate),
            actions.Where(a => a.AchievedIn is null).Select(a => a.Id).ToList(),
            actions.Where(a => a.AchievedIn is not null)
                .Select(a => new AchievedAction(ActionName.Of(a.Number, a.Letter, a.Heading, a.Position, a.Columns), a.AchievedIn!))
                .ToList(),
            review.LastDueDate);
    }

    /// <summary>Opens the round, or adds to <paramref name="modelState"/> why it cannot (name taken, or another officer opened one first).</summary>
    public async Task<bool> TryOpenAsync(RoundOpeningView opening, OpenRoundForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var label = form.Label.Trim();
        // Rounds are put in order by due date everywhere (latest round, previous evidence, next due).
        if (opening.LastDueDate is { } last && form.DueDate <= last)
        {
            modelState.AddModelError(nameof(OpenRoundForm.DueDay),
                $"Due date must be after {Infrastructure.UkTime.Date(last)}, when the last round was due");
            return false;
        }

        if (await LabelTakenAsync(opening.ReviewId, label, cancellationToken))
        {
            modelState.AddModelError(nameof(OpenRoundForm.Label), $"{opening.Title} already has a round called {label}");
            return false;
        }

        var round = new Round
        {
            ReviewId = opening.ReviewId,
            Label = label,
            DueDate = form.DueDate!.Value,
            Status = RoundStatus.Open,
            OpenedAtUtc = clock.GetUtcNow().UtcDateTime,
            Updates = opening.ActionsToUpdate.Select(id => new ProgressUpdate { PlanActionId = id }).ToList(),
        };
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Rounds.AnyAsync(r => r.ReviewId == opening.ReviewId && r.Status == RoundStatus.Open, cancellationToken)
                && !await LabelTakenAsync(opening.ReviewId, label, cancellationToken))
            {
                throw;
            }

            modelState.AddModelError("", "Someone else opened a round for this review at the same time. Go back to the review to see it.");
            return false;
        }
    }

    // Names are compared whatever their case, as SQL Server's unique index does.
    private Task<bool> LabelTakenAsync(int reviewId, string label, CancellationToken cancellationToken) =>
        db.Rounds.AnyAsync(r => r.ReviewId == reviewId && r.Label.ToUpper() == label.ToUpper(), cancellationToken);
}

public sealed record RoundOpeningView(
    int ReviewId,
    string Title,
    ReviewStatus Status,
    string? OpenRound,
    DateOnly NextDueDate,
    IReadOnlyList<int> ActionsToUpdate,
    IReadOnlyList<AchievedAction> Achieved,
    DateOnly? LastDueDate)
{
    public string? RefusedBecause => Status == ReviewStatus.Completed
        ? $"{Title} is completed, so no more rounds can be opened."
        : OpenRound is not null
            ? $"The {OpenRound} round of {Title} is still open. Close it before you open the next round."
            : null;
}

/// <summary>An action graded 1 (Fully Achieved) and accepted: it needs no more updates.</summary>
public sealed record AchievedAction(string Name, string Round);
