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
        .Include(r => r.Rounds)
        .Include(r => r.Recommendations).ThenInclude(x => x.Parts)
        .Include(r => r.Recommendations).ThenInclude(x => x.Actions).ThenInclude(a => a.Updates)
        .AsSplitQuery()
        .SingleAsync(r => r.Title == title));

    [Fact]
    public async Task Hate_Crime_review_matches_the_councils_document_text_for_text()
    {
        var document = SeedDocument.LoadHateCrime();
        var review = await LoadReviewAsync(document.Review);

        review.ActionPlanAgreed.ToString().ShouldBe(document.ActionPlanAgreed);
        review.LinkOfficers.Select(l => l.User!.DisplayName).ShouldBe(document.LinkOfficers);
        var round = review.Rounds.ShouldHaveSingleItem();
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
            var update = have.Updates.ShouldHaveSingleItem();
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
        var updates = actions.SelectMany(a => a.Updates).ToList();
        updates.Count.ShouldBe(16);
        updates.ShouldAllBe(u => u.Status == UpdateStatus.Accepted);
        updates.Count(u => u.Grade == Grade.FullyAchieved).ShouldBe(12);
        updates.Count(u => u.Grade == Grade.OnTrack).ShouldBe(2);
        updates.Count(u => u.Grade == Grade.Slipped).ShouldBe(1);
        updates.Count(u => u.Grade == Grade.NotAchieved).ShouldBe(1);
        review.Rounds.Single().Status.ShouldBe(RoundStatus.Closed);
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
    public async Task Second_review_has_an_open_round_waiting_for_evidence()
    {
        var review = await LoadReviewAsync("Tackling Fly-tipping");

        var round = review.Rounds.ShouldHaveSingleItem();
        round.Status.ShouldBe(RoundStatus.Open);
        var updates = review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates).ToList();
        updates.Count.ShouldBe(review.Recommendations.SelectMany(r => r.Actions).Count());
        updates.ShouldAllBe(u => u.Status == UpdateStatus.Draft && u.Evidence == "" && u.Grade == null);
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
