using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Plans;

/// <summary>The review, action plan and round pages send as many SQL commands for ten times the data as for the demo data.</summary>
public sealed class PlanQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private Task<(int HateCrime, int Larger)> ReviewIdsAsync() => app.WithDbAsync(db => GeneratedReviews.HateCrimeAndTenTimesAsync(db));

    [Theory]
    [InlineData(DemoUsers.CommitteeMemberEmail, "/reviews/{0}/plan")]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/reviews/{0}/plan")]
    [InlineData(DemoUsers.LinkOfficerEmail, "/reviews/{0}")]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/reviews/{0}/rounds/open")]
    public async Task A_page_runs_the_same_number_of_queries_for_a_review_ten_times_larger(string email, string url)
    {
        var (hateCrime, larger) = await ReviewIdsAsync();

        var small = await app.CommandsForPageAsync(email, string.Format(url, hateCrime));
        var large = await app.CommandsForPageAsync(email, string.Format(url, larger));

        small.Count.ShouldBeGreaterThan(0, "the counter must see the page's queries");
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }

    [Fact]
    public async Task Due_for_update_runs_the_same_number_of_queries_for_ten_more_reviews()
    {
        var before = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, "/rounds/due");
        for (var i = 0; i < 10; i++)
        {
            var round = new Round { Label = "Open", DueDate = new(2025, 3, 31) };
            var action = Action("Waiting");
            action.Updates.Add(new ProgressUpdate { Round = round });
            await app.AddReviewAsync($"Overdue {i}", new(2019, 3));
            await app.AddReviewAsync($"Open {i}", new(2024, 3), r =>
            {
                r.Rounds.Add(round);
                r.Recommendations.Add(Recommendation(1, "One", action));
            });
            // Every state the list reads since the monitoring cycle: responses awaited, rounds considered or awaiting the committee.
            await app.AddReviewAsync($"Response awaited {i}", null, r =>
            {
                r.ReportToExecutive = new DateOnly(2025, 1, 10);
                r.Recommendations.Add(Recommendation(1, "Awaited", (ExecutiveDecision?)null, Action("Awaited")));
                r.Recommendations.Add(Recommendation(2, "Not accepted", ExecutiveDecision.NotAccepted, Action("Refused")));
            });
            await app.AddReviewAsync($"Considered {i}", new(2023, 3), r => WithClosedRound(r, Grade.OnTrack));
            await app.AddReviewAsync($"Awaiting committee {i}", new(2023, 3), r => WithClosedRound(r, Grade.FullyAchieved), considerClosedRounds: false);
        }

        var after = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, "/rounds/due");

        after.Count.ShouldBe(before.Count, string.Join("\n---\n", after));
        var page = await (await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail)).GetDocumentAsync("/rounds/due");
        page.Body!.TextContent.ShouldContain("Response awaited 9", customMessage: "the list shows the reviews whose response is awaited");
        page.Body.TextContent.ShouldContain("Considered 9", customMessage: "and those due again after a considered round");
    }

    /// <summary>A closed March 2024 round with one accepted update of <paramref name="grade"/>.</summary>
    private static void WithClosedRound(Review review, Grade grade)
    {
        var round = new Round { Label = "March 2024", DueDate = new(2024, 3, 31), Status = RoundStatus.Closed, ClosedAtUtc = new DateTime(2024, 4, 5, 0, 0, 0, DateTimeKind.Utc) };
        var action = Action("Updated");
        action.Updates.Add(new ProgressUpdate { Round = round, Evidence = "Done.", Grade = grade, Status = UpdateStatus.Accepted });
        review.Rounds.Add(round);
        review.Recommendations.Add(Recommendation(1, "Updated", action));
    }
}
