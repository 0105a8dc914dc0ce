using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Xunit.Abstractions;

namespace ScrutinyTracker.Tests.Features.Reports;

/// <summary>The report and history pages send as many SQL commands for a review ten times the size of Hate Crime as for Hate Crime.</summary>
public sealed class ReportQueryCountTests(QueryCountingAppFactory app, ITestOutputHelper output) : IClassFixture<QueryCountingAppFactory>
{
    private Task<(int HateCrime, int Larger)> ReviewIdsAsync() => app.WithDbAsync(db => GeneratedReviews.HateCrimeAndTenTimesAsync(db));

    [Fact]
    public async Task Report_runs_the_same_number_of_queries_for_a_review_ten_times_larger()
    {
        var (hateCrime, larger) = await ReviewIdsAsync();

        var small = await app.CommandsForPageAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{hateCrime}/report");
        var large = await app.CommandsForPageAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{larger}/report");

        output.WriteLine($"{small.Count} commands:\n{string.Join("\n---\n", small)}");
        small.Count.ShouldBeGreaterThan(0, "the counter must see the page's queries");
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }

    [Fact]
    public async Task Report_with_drafts_runs_the_same_number_of_queries_for_a_review_ten_times_larger()
    {
        var (hateCrime, larger) = await ReviewIdsAsync();

        var small = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, $"/reviews/{hateCrime}/report?drafts=true");
        var large = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, $"/reviews/{larger}/report?drafts=true");

        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }

    [Fact]
    public async Task History_runs_the_same_number_of_queries_for_a_review_ten_times_larger()
    {
        var (hateCrime, larger) = await ReviewIdsAsync();

        var small = await app.CommandsForPageAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{hateCrime}/history");
        var large = await app.CommandsForPageAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{larger}/history");

        small.Count.ShouldBeGreaterThan(0);
        large.Count.ShouldBe(small.Count, string.Join("\n---\n", large));
    }

    [Fact]
    public async Task Larger_review_really_is_ten_times_larger_on_the_page()
    {
        var (_, larger) = await ReviewIdsAsync();
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var page = (await client.GetDocumentAsync($"/reviews/{larger}/report")).WithoutPhoneLayout();

        page.QuerySelectorAll("main .app-report h3:not(.app-report__gradings-heading)").Length.ShouldBe(40);
        // Its latest round (September 2020) holds the 40 actions not signed off in March 2020; the other 120 are signed off.
        page.QuerySelectorAll("main .app-report .app-evidence").Length.ShouldBe(40);
        page.QuerySelectorAll("main .app-report .app-report-table__none").Count(e => e.TextContent.StartsWith("Signed off by", StringComparison.Ordinal)).ShouldBe(120);
    }
}
