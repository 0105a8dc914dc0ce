using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.ClosingMonitoring;

/// <summary>
/// Ends monitoring of a review, or of one recommendation, before everything is signed off. What is
/// closed gets no more updates (<see cref="Monitoring.NeedsUpdate"/>) and shows as closed with the
/// reason; a closed review, like a completed one, can no longer change. Not while a round is open:
/// the committee closes monitoring when it considers a round.
/// </summary>
public sealed class MonitoringClosure(ScrutinyDbContext db, TimeProvider clock)
{
    public async Task<CloseMonitoringView?> ForReviewAsync(int reviewId, CancellationToken cancellationToken)
    {
        var review = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == reviewId)
            .Select(r => new
            {
                r.Title,
                r.Status,
                r.MonitoringClosedOn,
                OpenRound = r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Label).FirstOrDefault(),
                NotSignedOff = r.Recommendations.SelectMany(x => x.Actions).AsQueryable().Count(Monitoring.NeedsUpdate),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }

        var refused = review.MonitoringClosedOn is not null ? $"Monitoring of {review.Title} is already closed."
            : review.Status == ReviewStatus.Completed ? $"{review.Title} is completed."
            : review.OpenRound is not null ? $"The {review.OpenRound} round is still open. Close it before the committee's decision to end monitoring is recorded."
            : null;
        return new CloseMonitoringView(reviewId, review.Title, null, null, review.OpenRound, review.NotSignedOff, refused, Today);
    }

    public async Task<CloseMonitoringView?> ForRecommendationAsync(int reviewId, int recommendationId, CancellationToken cancellationToken)
    {
        var recommendation = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendationId && r.ReviewId == reviewId)
            .Select(r => new
            {
                r.Number,
                r.Review!.Title,
                Ended = r.Review.Status == ReviewStatus.Completed || r.Review.MonitoringClosedOn != null,
                r.MonitoringClosedOn,
                Decision = r.ExecutiveResponse == null ? (ExecutiveDecision?)null : r.ExecutiveResponse.Decision,
                OpenRound = r.Review.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Label).FirstOrDefault(),
                NotSignedOff = r.Actions.AsQueryable().Count(Monitoring.NeedsUpdate),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (recommendation is null)
        {
            return null;
        }

        var refused = recommendation.MonitoringClosedOn is not null ? $"Monitoring of recommendation {recommendation.Number} is already closed."
            : recommendation.Ended ? $"Monitoring of {recommendation.Title} has ended."
            : recommendation.Decision is null ? $"Recommendation {recommendation.Number} awaits the Executive's response, so it is not monitored yet."
            : !Monitoring.IsMonitored(recommendation.Decision.Value) ? $"The Executive did not accept recommendation {recommendation.Number}, so it is not monitored."
            : recommendation.NotSignedOff == 0 ? $"Every action of recommendation {recommendation.Number} is signed off: there is nothing left to monitor."
            : recommendation.OpenRound is not null ? $"The {recommendation.OpenRound} round is still open. Close it before the committee's decision to end monitoring is recorded."
            : null;
        return new CloseMonitoringView(reviewId, recommendation.Title, recommendationId, recommendation.Number, recommendation.OpenRound,
            recommendation.NotSignedOff, refused, Today);
    }

    /// <summary>Saves a valid form; adds an error when the date is in the future.</summary>
    public async Task<bool> CloseAsync(CloseMonitoringView view, CloseMonitoringForm form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (form.ClosedOn.Date > view.Today)
        {
            modelState.AddModelError("ClosedOn.Day", "The date the committee closed monitoring must be today or in the past");
            return false;
        }

        var reason = form.Reason!.Trim();
        if (view.RecommendationId is { } recommendationId)
        {
            var recommendation = await db.Recommendations.SingleAsync(r => r.Id == recommendationId, cancellationToken);
            recommendation.MonitoringClosedOn = form.ClosedOn.Date;
            recommendation.MonitoringClosedReason = reason;
        }
        else
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == view.ReviewId, cancellationToken);
            review.MonitoringClosedOn = form.ClosedOn.Date;
            review.MonitoringClosedReason = reason;
            review.Status = ReviewStatus.Completed;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private DateOnly Today => Infrastructure.UkTime.Today(clock);
}
