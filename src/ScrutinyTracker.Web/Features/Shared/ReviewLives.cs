using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Features.Shared;

/// <summary>Reads where reviews are in their monitoring cycle (<see cref="ReviewLife"/>): one query for any number of reviews.</summary>
public static class ReviewLives
{
    public static async Task<Dictionary<int, ReviewLife>> LivesAsync(this IQueryable<Review> reviews, CancellationToken cancellationToken) =>
        (await reviews.AsNoTracking().Select(ReviewFacts.Projection).ToListAsync(cancellationToken))
        .ToDictionary(f => f.ReviewId, ReviewLife.Of);
}

/// <summary>The model of <c>_ReviewLife.cshtml</c>: a review's stage, with what is due, as of today.</summary>
public sealed record ReviewLifeLine(ReviewLife Life, DateOnly Today)
{
    /// <summary>"Monitoring: next update due 30 September 2020", "Monitoring: update overdue since 30 September 2020".</summary>
    public string Detail => Life.Stage switch
    {
        ReviewStage.AwaitingExecutiveResponse when Life.ExecutiveResponseDue is { } due => DueWording.When(due, Today, null),
        ReviewStage.ActionPlanAgreed when Life.NextUpdateDue is { } due => DueWording.When(due, Today, "first update"),
        ReviewStage.Monitoring when Life.NextUpdateDue is { } due =>
            (Life.RoundAwaitingCommittee is { } round ? $"{round} update awaiting the committee; " : "") + DueWording.When(due, Today, "next update"),
        ReviewStage.MonitoringClosed when Life.ClosedOn is { } on => $"on {Infrastructure.UkTime.Date(on)}",
        _ => "",
    };

    /// <summary>Shown beside the stage of a monitored review whose Executive response is still awaited.</summary>
    public string? ResponseDetail => Life.Stage != ReviewStage.AwaitingExecutiveResponse && Life.ExecutiveResponseDue is { } due
        ? "Executive response " + DueWording.When(due, Today, null)
        : null;

    public bool IsOverdue => Life.Stage is ReviewStage.ActionPlanAgreed or ReviewStage.Monitoring && Life.IsUpdateOverdue(Today)
        || Life.IsResponseOverdue(Today);

    public string TagClass => Life.Stage switch
    {
        ReviewStage.AwaitingExecutiveResponse => "govuk-tag--purple",
        ReviewStage.AwaitingActionPlan => "govuk-tag--light-blue",
        ReviewStage.ActionPlanAgreed => "govuk-tag--turquoise",
        ReviewStage.Monitoring => "",
        ReviewStage.Completed => "govuk-tag--green",
        _ => "govuk-tag--grey",
    };
}
