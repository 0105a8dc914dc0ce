using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Data;

public sealed class DemoDataTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<Review> LoadReviewAsync(string title) => app.WithDbAsync(db => db.Reviews.AsNoTracking()
        .Include(r => r.SelectCommittee)
        .Include(r => r.LinkOfficers).ThenInclude(l => l.User)
        .Include(r => r.Rounds).ThenInclude(x => x.Consideration)
        .Include(r => r.Recommendations).ThenInclude(x => x.Parts)
        .Include(r => r.Recommendations).ThenInclude(x => x.ExecutiveResponse)
        .Include(r => r.Recommendations).ThenInclude(x => x.Actions).ThenInclude(a => a.Updates).ThenInclude(u => u.CommitteeDecision)
        .AsSplitQuery()
        .SingleAsync(r => r.Title == title));

    [Fact]
    public async Task Hate_Crime_review_matches_the_councils_document_text_for_text()
    {
        var document = SeedDocument.LoadHateCrime();
        var review = await LoadReviewAsync(document.Review);

        review.ActionPlanAgreed.ToString().ShouldBe(document.ActionPlanAgreed);
        review.LinkOfficers.Select(l => l.User!.DisplayName).ShouldBe(document.LinkOfficers);
        var round = review.Rounds.Single(r => r.Status == RoundStatus.Closed);
        round.Label.ShouldBe(document.Round);

        var recommendations = review.Recommendations.OrderBy(r => r.Position).ToList();
        recommendations.Count.ShouldBe(document.Recommendations.Count);
        foreach (var (expected, actual) in document.Recommendations.Zip(recommendations))
        {
            actual.Number.ShouldBe(expected.Number);
            actual.Text.ShouldBe(expected.Text);
            ShouldMatch(actual.Actions.Where(a => a.PartId is null).OrderBy(a => a.Position), expected.Actions ?? [], round);

            var parts = actual.Parts.OrderBy(p => p.Position).ToList();
            parts.Select(p => p.Letter).ShouldBe((expected.Parts ?? []).Select(p => p.Letter));
            foreach (var (expectedPart, part) in (expected.Parts ?? []).Zip(parts))
            {
                part.Text.ShouldBe(expectedPart.Text);
                ShouldMatch(actual.Actions.Where(a => a.PartId == part.Id).OrderBy(a => a.Position), expectedPart.Actions, round);
            }
        }
    }

    private static void ShouldMatch(IEnumerable<PlanAction> actions, IReadOnlyList<SeedAction> expected, Round round)
    {
        var list = actions.ToList();
        list.Count.ShouldBe(expected.Count);
        foreach (var (want, have) in expected.Zip(list))
        {
            have.Heading.ShouldBe(want.Heading);
            have.Responsibility.ShouldBe(want.Responsibility);
            have.TargetDate.ShouldBe(want.Date);
            have.AgreedAction.ShouldBe(want.AgreedAction);
            have.SuccessMeasure.ShouldBe(want.SuccessMeasure);
            var update = have.Updates.Single(u => u.RoundId == round.Id);
            update.RoundId.ShouldBe(round.Id);
            update.Evidence.ShouldBe(want.Evidence);
            ((int?)update.Grade).ShouldBe(want.Grade);
            update.Status.ShouldBe(UpdateStatus.Accepted);
        }
    }

    [Fact]
    public async Task Hate_Crime_has_16_actions_graded_12_2_1_1_and_all_accepted()
    {
        var review = await LoadReviewAsync("Hate Crime");
        var actions = review.Recommendations.SelectMany(r => r.Actions).ToList();

        actions.Count.ShouldBe(16);
        review.Recommendations.Count.ShouldBe(4);
        review.Recommendations.Single(r => r.Number == 1).Parts.Select(p => p.Letter).OrderBy(l => l)
            .ShouldBe(["a", "b", "c", "d", "e", "f"]);
        var march = review.Rounds.Single(r => r.Label == "March 2020");
        var updates = actions.SelectMany(a => a.Updates).Where(u => u.RoundId == march.Id).ToList();
        updates.Count.ShouldBe(16);
        updates.ShouldAllBe(u => u.Status == UpdateStatus.Accepted);
        updates.Count(u => u.Grade == Grade.FullyAchieved).ShouldBe(12);
        updates.Count(u => u.Grade == Grade.OnTrack).ShouldBe(2);
        updates.Count(u => u.Grade == Grade.Slipped).ShouldBe(1);
        updates.Count(u => u.Grade == Grade.NotAchieved).ShouldBe(1);
        march.Status.ShouldBe(RoundStatus.Closed);
    }

    [Fact]
    public async Task Hate_Crime_went_to_Cabinet_in_February_2019_which_accepted_every_recommendation()
    {
        var review = await LoadReviewAsync("Hate Crime");

        review.ReportToExecutive.ShouldBe(new DateOnly(2019, 2, 12));
        review.Recommendations.ShouldAllBe(r => r.ExecutiveResponse!.Decision == ExecutiveDecision.Accepted && r.ExecutiveResponse.DecidedOn == new DateOnly(2019, 3, 14));
    }

    [Fact]
    public async Task Hate_Crimes_March_2020_round_was_considered_its_grade_1s_signed_off_and_the_other_four_are_in_the_open_September_2020_round()
    {
        var review = await LoadReviewAsync("Hate Crime");
        var march = review.Rounds.Single(r => r.Label == "March 2020");
        var september = review.Rounds.Single(r => r.Label == "September 2020");
        var marchUpdates = review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates).Where(u => u.RoundId == march.Id).ToList();

        march.Consideration!.MeetingDate.ShouldBe(new DateOnly(2020, 4, 15));
        marchUpdates.Where(u => u.Grade == Grade.FullyAchieved).ShouldAllBe(u => u.CommitteeDecision!.Outcome == CommitteeOutcome.SignedOff);
        marchUpdates.Where(u => u.Grade != Grade.FullyAchieved).ShouldAllBe(u => u.CommitteeDecision!.Outcome == CommitteeOutcome.ContinueMonitoring);
        september.Status.ShouldBe(RoundStatus.Open);
        september.DueDate.ShouldBe(new DateOnly(2020, 9, 30));
        var septemberActions = review.Recommendations.SelectMany(r => r.Actions).Where(a => a.Updates.Any(u => u.RoundId == september.Id)).Select(a => a.Id);
        septemberActions.ShouldBe(marchUpdates.Where(u => u.Grade != Grade.FullyAchieved).Select(u => u.PlanActionId), ignoreOrder: true);
    }

    [Fact]
    public async Task Evidence_keeps_the_documents_paragraph_breaks()
    {
        var review = await LoadReviewAsync("Hate Crime");
        var evidence = review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates).Select(u => u.Evidence);

        // Parts a (Schools…), d, e, f and recommendation 2 have two paragraphs each.
        evidence.Count(e => e.Contains("\n\n", StringComparison.Ordinal)).ShouldBe(5);
    }

    [Fact]
    public async Task Second_review_has_an_open_round_waiting_for_evidence_and_an_overdue_Executive_response()
    {
        var review = await LoadReviewAsync("Tackling Fly-tipping");

        var round = review.Rounds.ShouldHaveSingleItem();
        round.Status.ShouldBe(RoundStatus.Open);
        var monitored = review.Recommendations.Where(r => r.ExecutiveResponse is not null).SelectMany(r => r.Actions).ToList();
        var updates = monitored.SelectMany(a => a.Updates).ToList();
        updates.Count.ShouldBe(monitored.Count);
        updates.Count.ShouldBe(4);
        updates.ShouldAllBe(u => u.Status == UpdateStatus.Draft && u.Evidence == "" && u.Grade == null);
        var awaiting = review.Recommendations.Single(r => r.ExecutiveResponse is null);
        awaiting.Actions.SelectMany(a => a.Updates).ShouldBeEmpty();
        Monitoring.ExecutiveResponseDue(review.ReportToExecutive!.Value).ShouldBeLessThan(DateOnly.FromDateTime(DateTime.UtcNow));
        review.LinkOfficers.Single().User!.Email.ShouldBe(DemoUsers.LinkOfficerEmail);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await app.WithDbAsync(async db =>
        {
            var before = await db.PlanActions.CountAsync();
            var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(
                app.Services.CreateScope().ServiceProvider, db);
            await seeder.SeedAsync();
            (await db.PlanActions.CountAsync()).ShouldBe(before);
        });
    }
}
