using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Summaries;

namespace ScrutinyTracker.Tests.Infrastructure.Summaries;

/// <summary>Each review's summary is what its own rows say, at once, after every kind of change (decision 0018).</summary>
public sealed class ReviewSummaryTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Accepting_updates_changes_the_reviews_grades_on_the_dashboard_at_once()
    {
        var round = await app.CreateRoundAsync("Summary Burglary");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var reviewId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.RoundId).Select(r => r.ReviewId).SingleAsync());
        var before = await StoredAsync(reviewId);

        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var response = await officer.SubmitFormAsync($"/rounds/{round.RoundId}/check", [], "main form[action$='/accept-all']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await StoredAsync(reviewId);
        (after.FullyAchieved + after.OnTrack + after.Slipped + after.NotAchieved).ShouldBeGreaterThan(before.FullyAchieved + before.OnTrack + before.Slipped + before.NotAchieved);
        await EverySummaryIsTrueAsync();
    }

    [Fact]
    public async Task A_committees_new_interval_moves_its_reviews_next_due_dates()
    {
        var (committeeId, months) = await app.WithDbAsync(async db =>
        {
            var committee = await db.SelectCommittees.OrderBy(c => c.Id).FirstAsync();
            committee.FollowUpMonths = committee.FollowUpMonths == 6 ? 12 : 6;
            await db.SaveChangesAsync();
            return (committee.Id, committee.FollowUpMonths);
        });

        months.ShouldBeOneOf(6, 12);
        (await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.SelectCommitteeId == committeeId))).ShouldBeGreaterThan(0);
        await EverySummaryIsTrueAsync();
    }

    [Fact]
    public async Task Deleting_a_review_deletes_its_summary_and_a_missing_one_is_made_at_start()
    {
        var id = await app.AddReviewAsync("Summary to delete", new YearMonth(2024, 3));
        (await app.WithDbAsync(db => db.ReviewSummaries.CountAsync(s => s.ReviewId == id))).ShouldBe(1);
        await app.WithDbAsync(db => db.ReviewSummaries.Where(s => s.ReviewId == id).ExecuteDeleteAsync());

        await app.WithDbAsync(db => ReviewSummaries.FillMissingAsync(db, CancellationToken.None));
        (await app.WithDbAsync(db => db.ReviewSummaries.CountAsync(s => s.ReviewId == id))).ShouldBe(1);

        await app.WithDbAsync(async db =>
        {
            db.Reviews.Remove(await db.Reviews.SingleAsync(r => r.Id == id));
            await db.SaveChangesAsync();
        });
        (await app.WithDbAsync(db => db.ReviewSummaries.CountAsync(s => s.ReviewId == id))).ShouldBe(0);
        await EverySummaryIsTrueAsync();
    }

    private Task<ReviewSummary> StoredAsync(int reviewId) =>
        app.WithDbAsync(db => db.ReviewSummaries.AsNoTracking().SingleAsync(s => s.ReviewId == reviewId));

    /// <summary>Every stored summary equals the one worked out afresh from the review's rows.</summary>
    private Task EverySummaryIsTrueAsync() => app.WithDbAsync(async db =>
    {
        var ids = await db.Reviews.Select(r => r.Id).ToListAsync();
        var computed = (await ReviewSummaries.ComputeAsync(db, ids, CancellationToken.None)).ToDictionary(s => s.ReviewId);
        var stored = await db.ReviewSummaries.AsNoTracking().ToDictionaryAsync(s => s.ReviewId);
        stored.Keys.Order().ShouldBe(ids.Order());
        foreach (var id in ids)
        {
            Describe(stored[id]).ShouldBe(Describe(computed[id]), $"review {id}");
        }
    });

    private static string Describe(ReviewSummary s) =>
        $"{s.TitleKey}|{s.AgreedYear}|{s.Stage}|{s.NextUpdateDue}|{s.ExecutiveResponseDue}|{s.ClosedOn}|{s.RoundAwaitingCommittee}|{s.AwaitingResponses}|" +
        $"{s.HasOpenRound}|{s.LatestRound}|{s.FullyAchieved}|{s.OnTrack}|{s.Slipped}|{s.NotAchieved}|{s.NotGraded}|{s.PercentFullyAchieved}|{s.SignedOff}|{s.AwaitingCommittee}";
}
