using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Emails;
using ScrutinyTracker.Web.Features.Updates;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Web.Features.Rounds;

/// <summary>
/// Opens a review's next round. Every action that still needs an update (<see cref="Monitoring.NeedsUpdate"/>:
/// its recommendation accepted or partially accepted and still monitored, the action not signed off by the
/// committee) gets a draft update to fill in.
/// </summary>
public sealed class RoundOpening(ScrutinyDbContext db, ProgressEmails emails, TimeProvider clock)
{
    /// <summary>What opening a round now would do; null when the review does not exist. Three queries.</summary>
    public async Task<RoundOpeningView?> PrepareAsync(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.Title,
                r.Status,
                r.ActionPlanAgreed,
                r.MonitoringClosedOn,
                OpenRound = r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Label).FirstOrDefault(),
                LastDueDate = r.Rounds.Max(x => (DateOnly?)x.DueDate),
                AwaitingCommittee = r.Rounds.Where(x => x.Status == RoundStatus.Closed && x.Consideration == null)
                    .OrderByDescending(x => x.DueDate).Select(x => x.Label).FirstOrDefault(),
                Intervals = new MonitoringIntervals(r.FirstUpdateMonths ?? r.SelectCommittee!.FirstUpdateMonths, r.FollowUpMonths ?? r.SelectCommittee!.FollowUpMonths),
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
                SignedOffIn = a.Updates.AsQueryable()
                    .Where(Monitoring.IsSignedOffUpdate)
                    .OrderBy(u => u.Round!.DueDate)
                    .Select(u => u.Round!.Label)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var needingUpdate = await db.PlanActions.AsNoTracking()
            .Where(a => a.Recommendation!.ReviewId == reviewId)
            .Where(Monitoring.NeedsUpdate)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
        var notMonitored = await NotMonitoredAsync(reviewId, cancellationToken);

        var scheduled = NextRound.DueDate(review.ActionPlanAgreed, null, review.LastDueDate, review.Intervals);
        return new RoundOpeningView(
            reviewId,
            review.Title,
            review.Status == ReviewStatus.Completed,
            review.MonitoringClosedOn is not null,
            review.OpenRound,
            review.AwaitingCommittee,
            scheduled,
            Infrastructure.UkTime.Today(clock),
            actions.Where(a => needingUpdate.Contains(a.Id)).Select(a => a.Id).ToList(),
            actions.Where(a => a.SignedOffIn is not null)
                .Select(a => new AchievedAction(ActionName.Of(a.Number, a.Letter, a.Heading, a.Position, a.Columns), a.SignedOffIn!))
                .ToList(),
            notMonitored,
            review.LastDueDate);
    }

    /// <summary>Recommendations whose actions get no update, and why.</summary>
    private Task<List<NotMonitoredRecommendation>> NotMonitoredAsync(int reviewId, CancellationToken cancellationToken) =>
        db.Recommendations.AsNoTracking()
            .Where(r => r.ReviewId == reviewId)
            .Where(r => r.ExecutiveResponse == null || r.ExecutiveResponse.Decision == ExecutiveDecision.NotAccepted || r.MonitoringClosedOn != null)
            .OrderBy(r => r.Position)
            .Select(r => new NotMonitoredRecommendation(
                r.Number,
                r.MonitoringClosedOn != null ? "monitoring was closed"
                    : r.ExecutiveResponse == null ? "it awaits the Executive's response"
                    : "the Executive did not accept it"))
            .ToListAsync(cancellationToken);

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

        try
        {
            // The round and the link officers' e-mails commit together: the e-mails need the round's id for their link.
            await db.InTransactionAsync(async () =>
            {
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
                await db.SaveChangesAsync(cancellationToken);
                await emails.RoundOpenedAsync(opening.ReviewId, opening.Title, round.Id, label, round.DueDate, round.Updates.Count, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
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

/// <param name="ScheduledDueDate">When the round is due by the review's intervals; null while the plan is not agreed.</param>
public sealed record RoundOpeningView(
    int ReviewId,
    string Title,
    bool Completed,
    bool MonitoringClosed,
    string? OpenRound,
    string? RoundAwaitingCommittee,
    DateOnly? ScheduledDueDate,
    DateOnly Today,
    IReadOnlyList<int> ActionsToUpdate,
    IReadOnlyList<AchievedAction> Achieved,
    IReadOnlyList<NotMonitoredRecommendation> NotMonitored,
    DateOnly? LastDueDate)
{
    /// <summary>The scheduled due date while it is still ahead, else the end of this month (<see cref="RoundSchedule.ProposedDueDate"/>).</summary>
    public DateOnly? ProposedDueDate => ScheduledDueDate is { } scheduled ? RoundSchedule.ProposedDueDate(scheduled, Today) : null;

    /// <summary>The scheduled date that has passed, when the proposal is this month instead.</summary>
    public DateOnly? MissedDueDate => ScheduledDueDate is { } scheduled && ProposedDueDate != scheduled ? scheduled : null;

    public string? RefusedBecause => MonitoringClosed
        ? $"Monitoring of {Title} was closed, so no more rounds can be opened."
        : Completed
        ? $"{Title} is completed, so no more rounds can be opened."
        : OpenRound is not null
            ? $"The {OpenRound} round of {Title} is still open. Close it before you open the next round."
            : ScheduledDueDate is null
                ? $"Record the month the Select Committee agreed the action plan of {Title} (Edit review details) before you open its first round."
                : RoundAwaitingCommittee is not null
                    ? $"The committee's decisions on the {RoundAwaitingCommittee} round are not recorded yet. Record them first: the actions the committee signs off get no more updates."
                    : ActionsToUpdate.Count == 0
                        ? $"No action of {Title} needs an update: every monitored action has been signed off."
                        : null;
}

/// <summary>An action the committee signed off: it needs no more updates.</summary>
public sealed record AchievedAction(string Name, string Round);

/// <summary>A recommendation whose actions get no update, and why ("the Executive did not accept it").</summary>
public sealed record NotMonitoredRecommendation(int Number, string Because);
