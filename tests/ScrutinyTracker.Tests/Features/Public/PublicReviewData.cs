using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Public;

/// <summary>
/// A review of its own with an open round: one update accepted, one a draft, one submitted and one returned
/// with a comment, each with text found nowhere else, so a test can look for it on every public answer.
/// </summary>
public static class PublicReviewData
{
    public const string AcceptedEvidence = "Accepted evidence: the partnership met in June";
    public const string AcceptedExplanation = "Accepted explanation of the grade";

    /// <summary>Text of updates the public must never see, and the scrutiny officer's return comment.</summary>
    public static readonly string[] Hidden =
    [
        "Zebracrossing draft evidence", "Zebracrossing draft explanation",
        "Quokka submitted evidence", "Quokka submitted explanation",
        "Narwhal returned evidence", "Narwhal returned explanation",
        "Axolotl return comment from the officer",
    ];

    public static async Task<int> AddAsync(this ScrutinyAppFactory app, string title) => await app.WithDbAsync(async db =>
    {
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var review = GeneratedReviews.Small(title, await db.SelectCommittees.FirstAsync(), new YearMonth(2025, 1), linkOfficer.Id, null, null, null, null);
        var round = review.Rounds.Single();
        round.Status = RoundStatus.Open;
        var actions = review.Recommendations.Single().Actions;
        actions[0].Updates.Add(new ProgressUpdate { Round = round, Evidence = AcceptedEvidence, Grade = Grade.OnTrack, Explanation = AcceptedExplanation, Status = UpdateStatus.Accepted });
        actions[1].Updates.Add(new ProgressUpdate { Round = round, Evidence = Hidden[0], Explanation = Hidden[1], Grade = Grade.FullyAchieved, Status = UpdateStatus.Draft });
        actions[2].Updates.Add(new ProgressUpdate { Round = round, Evidence = Hidden[2], Explanation = Hidden[3], Grade = Grade.FullyAchieved, Status = UpdateStatus.Submitted });
        actions[3].Updates.Add(new ProgressUpdate
        {
            Round = round, Evidence = Hidden[4], Explanation = Hidden[5], Grade = Grade.NotAchieved, Status = UpdateStatus.Returned, ReturnComment = Hidden[6],
        });
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    });

    /// <summary>Publishes through the review page's button, as a scrutiny officer does.</summary>
    public static async Task PublishAsync(this ScrutinyAppFactory app, int reviewId, string button = "publish")
    {
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var response = await officer.SubmitFormAsync($"/reviews/{reviewId}", [], $"form[action='/reviews/{reviewId}/{button}']");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    public static Task WithdrawAsync(this ScrutinyAppFactory app, int reviewId) => app.PublishAsync(reviewId, "withdraw");

    /// <summary>Every public address of a review (more come with the open data).</summary>
    public static string[] UrlsOf(int reviewId, int roundId) =>
        [$"/public/reviews/{reviewId}", $"/public/reviews/{reviewId}?round={roundId}", $"/public/reviews/{reviewId}/report.pdf", $"/public/reviews/{reviewId}/report.pdf?round={roundId}"];
}
