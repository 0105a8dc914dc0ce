using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// A review whose March 2020 round is closed and awaits the committee: recommendation 1 (accepted) has
/// actions graded 1, 2 and 3 (the 3 with its revised date and reason for the delay); recommendation 2,
/// not accepted by the Executive on 12 June 2019, has one action and no updates.
/// </summary>
public sealed record AwaitingCommittee(int ReviewId, int RoundId, int AchievedUpdate, int OnTrackUpdate, int SlippedUpdate, int NotAcceptedAction)
{
    public string CommitteeUrl => $"/rounds/{RoundId}/committee";

    public string ReportUrl => $"/reviews/{ReviewId}/report?round={RoundId}";
}

public static class MonitoredReviews
{
    public static async Task<AwaitingCommittee> AddAwaitingCommitteeAsync(this ScrutinyAppFactory app, string title)
    {
        var round = new Round { Label = "March 2020", DueDate = new(2020, 3, 31), Status = RoundStatus.Closed };
        var achieved = Graded(Action("Achieved", 0), round, Grade.FullyAchieved);
        var onTrack = Graded(Action("On track", 1), round, Grade.OnTrack);
        var slipped = Graded(Action("Slipped", 2), round, Grade.Slipped);
        slipped.Updates[0].ExpectedBy = new YearMonth(2021, 6);
        slipped.Updates[0].DelayReason = "The contractor went into administration.";
        var notAccepted = Recommendation(2, "That the Council buy a fleet of drones.", ExecutiveDecision.NotAccepted, Action("Buy drones"));
        notAccepted.ExecutiveResponse!.DecidedOn = new DateOnly(2019, 6, 12);
        notAccepted.ExecutiveResponse.Text = "Drones are not an effective use of the budget.";
        var id = await app.AddReviewAsync(title, new(2019, 3), r =>
        {
            r.Rounds.Add(round);
            r.Recommendations.Add(Recommendation(1, "That the Council act.", achieved, onTrack, slipped));
            r.Recommendations.Add(notAccepted);
        }, considerClosedRounds: false);
        return await app.WithDbAsync(async db =>
        {
            var roundId = await db.Rounds.Where(x => x.ReviewId == id).Select(x => x.Id).SingleAsync();
            var updates = await db.ProgressUpdates.Where(u => u.RoundId == roundId)
                .Select(u => new { u.PlanAction!.AgreedAction, u.Id }).ToDictionaryAsync(u => u.AgreedAction, u => u.Id);
            var drones = await db.PlanActions.Where(a => a.Recommendation!.ReviewId == id && a.AgreedAction == "Buy drones").Select(a => a.Id).SingleAsync();
            return new AwaitingCommittee(id, roundId, updates["Achieved"], updates["On track"], updates["Slipped"], drones);
        });
    }

    private static PlanAction Graded(PlanAction action, Round round, Grade grade)
    {
        action.Updates.Add(new ProgressUpdate { Round = round, Evidence = $"Evidence: {action.AgreedAction}", Grade = grade, Status = UpdateStatus.Accepted });
        return action;
    }
}
