using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Caching;

namespace ScrutinyTracker.Tests.Features.Shared;

/// <summary>
/// The dashboard and the committee-pack form read only what the page shows at any size of the archive (issue 17),
/// checked on 200 reviews without timing anything: SQLite's plan for each of the dashboard's sorts, unfiltered and
/// under each filter, walks an index in the page's order instead of sorting the matching summaries; the pack
/// form's round choices come from the committee's labels alone, not its reviews' rounds, and its page of the
/// committee's reviews walks their titles' index (decision 0018).
/// </summary>
public sealed class IndexWalkTests(ArchiveScaleTests.SmallPagesAppFactory app) : IClassFixture<ArchiveScaleTests.SmallPagesAppFactory>
{
    public static TheoryData<string, string> FiltersAndSorts()
    {
        var data = new TheoryData<string, string>();
        foreach (var filter in new[] { "", "committee", "stage", "year" })
        {
            foreach (var sort in new[] { "title", "due-date", "achieved" })
            {
                data.Add(filter, sort);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FiltersAndSorts))]
    public async Task The_dashboards_page_walks_an_index_of_the_summaries_in_its_order(string filter, string sort)
    {
        var hateCrime = await ArchiveOf200Async();
        var query = filter switch
        {
            "committee" => $"committee={hateCrime.SelectCommitteeId}&",
            "stage" => "stage=monitoring&",
            "year" => $"year={hateCrime.Year}&",
            _ => "",
        };

        var page = await PageQueryAsync($"/dashboard?{query}sort={sort}&page=2");

        page.Plan.ShouldNotContain(step => step.Contains("TEMP B-TREE"), page.ToString());
        page.Plan.ShouldContain(step => step.Contains("INDEX IX_ReviewSummaries_"), page.ToString());
        page.Rows.ShouldBe(2, "a page of 2");
    }

    [Fact]
    public async Task The_pack_forms_round_choices_read_the_committees_labels_and_no_round_and_its_page_walks_the_titles()
    {
        var hateCrime = await ArchiveOf200Async();
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var commands = await CommandProfile.OfAsync(app.ConnectionString,
            await app.Commands.CapturedDuringAsync(() => client.GetDocumentAsync($"/committee-packs?committee={hateCrime.SelectCommitteeId}")));

        var choices = commands.Single(c => c.Text.Contains("\"CommitteeRoundLabels\""));
        choices.Plan.ShouldContain(step => step.StartsWith("SEARCH") && step.Contains("(SelectCommitteeId=?)"), choices.ToString());
        choices.Text.ShouldNotContain("\"Rounds\"", customMessage: choices.ToString());
        choices.Rows.ShouldBe(await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.SelectCommitteeId == hateCrime.SelectCommitteeId).Select(r => r.Label).Distinct().CountAsync()));

        var page = commands.Single(c => c.Text.Contains("ORDER BY") && c.Text.Contains("LIMIT"));
        page.Plan.ShouldNotContain(step => step.Contains("TEMP B-TREE"), page.ToString());
    }

    /// <summary>The page's own query: the one that sorts and takes a page.</summary>
    private async Task<CommandProfile> PageQueryAsync(string url)
    {
        // Pages are measured as rendered, not as served from the output cache.
        await app.Services.GetRequiredService<ReviewPageCache>().EveryReviewChangedAsync();
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var commands = await CommandProfile.OfAsync(app.ConnectionString, await app.Commands.CapturedDuringAsync(() => client.GetDocumentAsync(url)));
        var paged = commands.Where(c => c.Text.Contains("ORDER BY") && c.Text.Contains("LIMIT")).ToList();
        paged.Count.ShouldBe(1, string.Join("\n---\n", commands));
        return paged[0];
    }

    /// <summary>200 reviews alike, of Hate Crime's committee and year, as <see cref="ArchiveScaleTests"/> makes them.</summary>
    private async Task<(int SelectCommitteeId, int Year)> ArchiveOf200Async()
    {
        var officer = await app.WithDbAsync(db => db.Users.Where(u => u.DisplayName == "Archive Officer").Select(u => u.Id).FirstOrDefaultAsync())
            ?? await app.AddLinkOfficerAsync("Archive Officer");
        return await app.WithDbAsync(async db =>
        {
            var hateCrime = await db.Reviews.Include(r => r.SelectCommittee).SingleAsync(r => r.Title == "Hate Crime");
            for (var i = await db.Reviews.CountAsync(); i < 200; i++)
            {
                db.Reviews.Add(GeneratedReviews.Small(
                    $"Review {i:000}", hateCrime.SelectCommittee!, hateCrime.ActionPlanAgreed!.Value, officer,
                    Grade.FullyAchieved, Grade.OnTrack, null));
            }

            await db.SaveChangesAsync();
            return (hateCrime.SelectCommitteeId, hateCrime.ActionPlanAgreed!.Value.Year);
        });
    }
}
