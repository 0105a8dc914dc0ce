using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>The round form, the check queue and an action's history send as many SQL commands for a review ten times the size of Hate Crime.</summary>
public sealed class UpdatesQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private async Task<(Sample HateCrime, Sample Larger)> SamplesAsync()
    {
        await app.WithDbAsync(db => GeneratedReviews.HateCrimeAndTenTimesAsync(db));

        return (await SampleAsync("Hate Crime"), await SampleAsync(GeneratedReviews.TenTimesHateCrime));
    }

    private Task<Sample> SampleAsync(string title) => app.WithDbAsync(async db => new Sample(
        await db.Rounds.Where(r => r.Review!.Title == title).OrderByDescending(r => r.DueDate).Select(r => r.Id).FirstAsync(),
        await db.PlanActions.Where(a => a.Recommendation!.Review!.Title == title).Select(a => a.Id).FirstAsync()));

    [Theory]
    [InlineData(DemoUsers.LinkOfficerEmail, "/rounds/{0}/updates")]
    [InlineData(DemoUsers.ScrutinyOfficerEmail, "/rounds/{0}/check")]
    public async Task Round_pages_run_the_same_number_of_queries_for_a_review_ten_times_larger(string email, string url)
    {
        var (hateCrime, larger) = await SamplesAsync();

        var small = await app.CommandsForPageAsync(email, string.Format(url, hateCrime.RoundId));
        var large = await app.CommandsForPageAsync(email, string.Format(url, larger.RoundId));

        small.Count.ShouldBeGreaterThan(0, "the counter must see the page's queries");
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }

    [Fact]
    public async Task An_actions_history_runs_the_same_number_of_queries_however_long_it_is()
    {
        var (hateCrime, larger) = await SamplesAsync();

        var small = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, $"/actions/{hateCrime.ActionId}/history");
        var large = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, $"/actions/{larger.ActionId}/history");

        small.Count.ShouldBeGreaterThan(0);
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }

    [Fact]
    public async Task The_larger_round_form_really_shows_ten_times_the_actions()
    {
        var (hateCrime, larger) = await SamplesAsync();
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var small = await client.GetDocumentAsync($"/rounds/{hateCrime.RoundId}/updates");
        var large = await client.GetDocumentAsync($"/rounds/{larger.RoundId}/updates");

        large.QuerySelectorAll("[data-update]").Length.ShouldBe(10 * small.QuerySelectorAll("[data-update]").Length);
        large.TextOf("main").ShouldContain("Evidence of Progress (March 2020)", customMessage: "the previous round is shown");
    }

    private sealed record Sample(int RoundId, int ActionId);
}
