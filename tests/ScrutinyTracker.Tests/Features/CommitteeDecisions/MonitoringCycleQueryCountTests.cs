using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Tests.Features.CommitteeDecisions;

/// <summary>The Executive responses and committee decisions pages send as many SQL commands for a review ten times the size of Hate Crime.</summary>
public sealed class MonitoringCycleQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private async Task<((int Review, int Round) HateCrime, (int Review, int Round) Larger)> SamplesAsync()
    {
        await app.WithDbAsync(db => GeneratedReviews.HateCrimeAndTenTimesAsync(db));

        return (await SampleAsync("Hate Crime"), await SampleAsync(GeneratedReviews.TenTimesHateCrime));
    }

    private Task<(int, int)> SampleAsync(string title) => app.WithDbAsync(async db =>
    {
        var round = await db.Rounds.Where(r => r.Review!.Title == title && r.Label == "March 2020").Select(r => new { r.ReviewId, r.Id }).SingleAsync();
        return (round.ReviewId, round.Id);
    });

    [Theory]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/reviews/{0}/executive-responses")]
    [InlineData(DemoUsers.CommitteeMemberEmail, "/reviews/{0}/executive-responses")]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/rounds/{1}/committee")]
    [InlineData(DemoUsers.CommitteeMemberEmail, "/reviews/{0}/report?round={1}")]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/reviews/{0}")]
    public async Task Monitoring_cycle_pages_run_the_same_number_of_queries_for_a_review_ten_times_larger(string email, string url)
    {
        var (hateCrime, larger) = await SamplesAsync();

        var small = await app.CommandsForPageAsync(email, string.Format(url, hateCrime.Review, hateCrime.Round));
        var large = await app.CommandsForPageAsync(email, string.Format(url, larger.Review, larger.Round));

        small.Count.ShouldBeGreaterThan(0, "the counter must see the page's queries");
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }
}
