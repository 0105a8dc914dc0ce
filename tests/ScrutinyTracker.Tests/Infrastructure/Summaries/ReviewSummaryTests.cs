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

    [Fact]
    public async Task A_rounds_trend_follows_its_accepted_grades_the_committees_changes_and_its_deletion()
    {
        var round = await app.CreateRoundAsync("Summary Trend Burglary");
        (await app.WithDbAsync(db => db.RoundSummaries.CountAsync(s => s.RoundId == round.RoundId))).ShouldBe(0, "nothing accepted yet");

        await app.SetAnswersAsync(round.UpdateIds, Grade.Slipped, UpdateStatus.Accepted);
        (await TrendOfAsync(round.RoundId)).ShouldBe($"0|0|{round.UpdateIds.Count}|0");
        await EverySummaryIsTrueAsync();

        await app.WithDbAsync(async db =>
        {
            db.Add(new CommitteeDecision { ProgressUpdateId = round.UpdateIds[0], Outcome = CommitteeOutcome.GradeChanged, Grade = Grade.FullyAchieved, Reason = "Done since." });
            await db.SaveChangesAsync();
        });
        (await TrendOfAsync(round.RoundId)).ShouldBe($"1|0|{round.UpdateIds.Count - 1}|0", "the committee's grade counts where it changed one");
        await EverySummaryIsTrueAsync();

        await app.WithDbAsync(async db =>
        {
            db.Rounds.Remove(await db.Rounds.SingleAsync(r => r.Id == round.RoundId));
            await db.SaveChangesAsync();
        });
        (await app.WithDbAsync(db => db.RoundSummaries.CountAsync(s => s.RoundId == round.RoundId))).ShouldBe(0);
        await EverySummaryIsTrueAsync();
    }

    [Fact]
    public async Task A_committees_round_labels_follow_its_rounds_and_reviews_as_they_are_added_changed_moved_and_deleted()
    {
        var round = await app.CreateRoundAsync("Summary Labels Burglary", dueDate: new DateOnly(2031, 3, 31));
        var found = await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.RoundId).Select(r => new { r.ReviewId, r.Review!.SelectCommitteeId }).SingleAsync());
        var (reviewId, committeeId) = (found.ReviewId, found.SelectCommitteeId);
        await EverySummaryIsTrueAsync();

        await ChangeRoundAsync(round.RoundId, r => r.Label = "Summary Labels 2031");
        (await LabelsOfAsync(committeeId)).ShouldContain("Summary Labels 2031|2031-03-31");
        await ChangeRoundAsync(round.RoundId, r => r.DueDate = new DateOnly(2031, 9, 30));
        (await LabelsOfAsync(committeeId)).ShouldContain("Summary Labels 2031|2031-09-30");
        (await LabelsOfAsync(committeeId)).ShouldNotContain("Summary Labels 2031|2031-03-31");
        await EverySummaryIsTrueAsync();

        var otherCommittee = await app.WithDbAsync(async db =>
        {
            var other = await db.SelectCommittees.Where(c => c.Id != committeeId).Select(c => c.Id).FirstAsync();
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId);
            review.SelectCommitteeId = other;
            await db.SaveChangesAsync();
            return other;
        });
        (await LabelsOfAsync(otherCommittee)).ShouldContain("Summary Labels 2031|2031-09-30");
        (await LabelsOfAsync(committeeId)).ShouldNotContain("Summary Labels 2031|2031-09-30");
        await EverySummaryIsTrueAsync();

        await app.WithDbAsync(async db =>
        {
            db.Rounds.Remove(await db.Rounds.SingleAsync(r => r.Id == round.RoundId));
            await db.SaveChangesAsync();
        });
        (await LabelsOfAsync(otherCommittee)).ShouldNotContain("Summary Labels 2031|2031-09-30");
        await EverySummaryIsTrueAsync();

        await ChangeReviewAsync(reviewId, (db, review) => db.Rounds.Add(new Round { ReviewId = review.Id, Label = "Summary Labels 2032", DueDate = new DateOnly(2032, 3, 31), Status = RoundStatus.Closed }));
        (await LabelsOfAsync(otherCommittee)).ShouldContain("Summary Labels 2032|2032-03-31");
        await ChangeReviewAsync(reviewId, (db, review) => db.Reviews.Remove(review));
        (await LabelsOfAsync(otherCommittee)).ShouldNotContain("Summary Labels 2032|2032-03-31");
        await EverySummaryIsTrueAsync();
    }

    [Fact]
    public async Task Start_up_fills_the_round_labels_of_the_committees_of_reviews_without_a_summary()
    {
        var id = await app.AddReviewAsync("Summary Labels at start", new YearMonth(2024, 3), r => r.Rounds.Add(new Round { Label = "Summary Labels at start 2024", DueDate = new DateOnly(2024, 9, 30), Status = RoundStatus.Closed }));
        var committeeId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.SelectCommitteeId).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            await db.CommitteeRoundLabels.Where(l => l.SelectCommitteeId == committeeId).ExecuteDeleteAsync();
            await db.ReviewSummaries.Where(s => s.ReviewId == id).ExecuteDeleteAsync();
        });

        await app.WithDbAsync(db => ReviewSummaries.FillMissingAsync(db, CancellationToken.None));

        (await LabelsOfAsync(committeeId)).ShouldContain("Summary Labels at start 2024|2024-09-30");
        await EverySummaryIsTrueAsync();
    }

    private async Task<List<string>> LabelsOfAsync(int committeeId) =>
        [.. (await app.WithDbAsync(db => db.CommitteeRoundLabels.AsNoTracking().Where(l => l.SelectCommitteeId == committeeId).ToListAsync()))
            .Select(l => $"{l.Label}|{l.LatestDueDate:yyyy-MM-dd}")];

    private Task ChangeRoundAsync(int roundId, Action<Round> change) => app.WithDbAsync(async db =>
    {
        change(await db.Rounds.SingleAsync(r => r.Id == roundId));
        await db.SaveChangesAsync();
    });

    private Task ChangeReviewAsync(int reviewId, Action<ScrutinyDbContext, Review> change) => app.WithDbAsync(async db =>
    {
        change(db, await db.Reviews.SingleAsync(r => r.Id == reviewId));
        await db.SaveChangesAsync();
    });

    private Task<string> TrendOfAsync(int roundId) => app.WithDbAsync(db => db.RoundSummaries.AsNoTracking()
        .Where(s => s.RoundId == roundId).Select(s => $"{s.FullyAchieved}|{s.OnTrack}|{s.Slipped}|{s.NotAchieved}").SingleAsync());

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

        // Each round's counts, worked out here from its accepted updates and the committee's decisions.
        var accepted = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.Status == UpdateStatus.Accepted && u.Grade != null)
            .Select(u => new { u.RoundId, u.Grade, Decision = u.CommitteeDecision })
            .ToListAsync();
        var expected = accepted
            .GroupBy(u => u.RoundId)
            .Select(g =>
            {
                var grades = g.Select(u => u.Decision is { Outcome: CommitteeOutcome.GradeChanged, Grade: { } changed } ? changed : u.Grade!.Value).ToList();
                return $"{g.Key}:{grades.Count(x => x == Grade.FullyAchieved)}|{grades.Count(x => x == Grade.OnTrack)}|{grades.Count(x => x == Grade.Slipped)}|{grades.Count(x => x == Grade.NotAchieved)}";
            })
            .Order(StringComparer.Ordinal);
        var rounds = await db.RoundSummaries.AsNoTracking().ToListAsync();
        rounds.Select(s => $"{s.RoundId}:{s.FullyAchieved}|{s.OnTrack}|{s.Slipped}|{s.NotAchieved}").Order(StringComparer.Ordinal).ShouldBe(expected);

        // Each committee's round labels, with the latest due date of its reviews' rounds of the label, worked out here.
        var labelled = await db.Rounds.AsNoTracking().Select(r => new { r.Review!.SelectCommitteeId, r.Label, r.DueDate }).ToListAsync();
        var labels = await db.CommitteeRoundLabels.AsNoTracking().ToListAsync();
        labels.Select(l => $"{l.SelectCommitteeId}|{l.Label}|{l.LatestDueDate:O}").Order(StringComparer.Ordinal).ShouldBe(
            labelled.GroupBy(r => (r.SelectCommitteeId, r.Label)).Select(g => $"{g.Key.SelectCommitteeId}|{g.Key.Label}|{g.Max(r => r.DueDate):O}").Order(StringComparer.Ordinal));
    });

    private static string Describe(ReviewSummary s) =>
        $"{s.TitleKey}|{s.SelectCommitteeId}|{s.AgreedYear}|{s.Stage}|{s.Completed}|{s.NextUpdateDue}|{s.ExecutiveResponseDue}|{s.ClosedOn}|{s.RoundAwaitingCommittee}|{s.AwaitingResponses}|" +
        $"{s.HasOpenRound}|{s.LatestRound}|{s.FullyAchieved}|{s.OnTrack}|{s.Slipped}|{s.NotAchieved}|{s.NotGraded}|{s.PercentFullyAchieved}|{s.SignedOff}|{s.AwaitingCommittee}|" +
        $"{s.DueSortKey}|{s.AchievedSortKey}";
}
