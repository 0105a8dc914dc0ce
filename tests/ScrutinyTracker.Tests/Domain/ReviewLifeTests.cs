using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Domain;

public sealed class ReviewLifeTests
{
    private static ReviewFacts Facts(
        int recommendations = 2, int awaiting = 0, YearMonth? agreed = null, int needingUpdate = 3, int signedOff = 2, int rounds = 0,
        DateOnly? openDue = null, DateOnly? lastDue = null, string? awaitingCommittee = null, DateOnly? closedOn = null,
        ReviewStatus status = ReviewStatus.Monitoring, DateOnly? report = null) =>
        new(1, status, agreed, report, closedOn, recommendations, awaiting, needingUpdate, signedOff, rounds, openDue, lastDue, awaitingCommittee, 12, 6, null, null);

    [Fact]
    public void A_new_review_awaits_the_Executive_until_every_recommendation_has_a_response()
    {
        var life = ReviewLife.Of(Facts(awaiting: 1, report: new DateOnly(2019, 2, 12)));

        life.Stage.ShouldBe(ReviewStage.AwaitingExecutiveResponse);
        life.ExecutiveResponseDue.ShouldBe(new DateOnly(2019, 4, 12));
        life.IsResponseOverdue(new DateOnly(2019, 4, 13)).ShouldBeTrue();
        ReviewLife.Of(Facts(recommendations: 0)).Stage.ShouldBe(ReviewStage.AwaitingExecutiveResponse);
    }

    [Fact]
    public void Then_it_waits_for_the_plan_then_for_its_first_round_a_first_interval_after_the_plan()
    {
        ReviewLife.Of(Facts()).Stage.ShouldBe(ReviewStage.AwaitingActionPlan);
        var agreed = ReviewLife.Of(Facts(agreed: new YearMonth(2019, 3)));
        agreed.Stage.ShouldBe(ReviewStage.ActionPlanAgreed);
        agreed.NextUpdateDue.ShouldBe(new DateOnly(2020, 3, 31));
    }

    [Fact]
    public void Once_a_round_was_opened_it_is_monitored_with_follow_ups_until_nothing_needs_an_update()
    {
        var monitoring = ReviewLife.Of(Facts(agreed: new YearMonth(2019, 3), rounds: 1, lastDue: new DateOnly(2020, 3, 31), awaitingCommittee: "March 2020"));
        monitoring.Stage.ShouldBe(ReviewStage.Monitoring);
        monitoring.NextUpdateDue.ShouldBe(new DateOnly(2020, 9, 30));
        monitoring.RoundAwaitingCommittee.ShouldBe("March 2020");

        var signedOff = ReviewLife.Of(Facts(agreed: new YearMonth(2019, 3), rounds: 1, lastDue: new DateOnly(2020, 3, 31), needingUpdate: 0));
        signedOff.Stage.ShouldBe(ReviewStage.Completed);
        signedOff.NextUpdateDue.ShouldBeNull();
    }

    [Fact]
    public void A_review_with_nothing_signed_off_is_not_completed_even_when_nothing_needs_an_update() =>
        ReviewLife.Of(Facts(agreed: new YearMonth(2019, 3), rounds: 1, lastDue: new DateOnly(2020, 3, 31), needingUpdate: 0, signedOff: 0))
            .Stage.ShouldBe(ReviewStage.Monitoring);

    [Fact]
    public void A_review_with_a_response_still_awaited_is_not_completed_even_when_all_else_is_signed_off() =>
        ReviewLife.Of(Facts(agreed: new YearMonth(2019, 3), rounds: 1, lastDue: new DateOnly(2020, 3, 31), needingUpdate: 0, awaiting: 1))
            .Stage.ShouldBe(ReviewStage.Monitoring);

    [Fact]
    public void Closing_monitoring_ends_it_whatever_else_holds()
    {
        var closed = ReviewLife.Of(Facts(agreed: new YearMonth(2019, 3), rounds: 2, closedOn: new DateOnly(2021, 5, 3), status: ReviewStatus.Completed, awaiting: 1));

        closed.Stage.ShouldBe(ReviewStage.MonitoringClosed);
        closed.ClosedOn.ShouldBe(new DateOnly(2021, 5, 3));
        closed.NextUpdateDue.ShouldBeNull();
        closed.HasEnded.ShouldBeTrue();
    }
}
