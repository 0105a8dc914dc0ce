using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Caching;

namespace ScrutinyTracker.Tests.Features.Shared;

/// <summary>
/// The work of each page does not grow with the archive (issue 17), checked without timing anything: for
/// the demo's 2 reviews with 3 more (so that a page 2 exists at a page size of 2, even filtered to one committee) and for 200 reviews,
/// every page sends the same SQL commands, each returning the same number of rows, and no command's
/// query plan reads the whole of ProgressUpdates or PlanActions.
/// </summary>
public sealed class ArchiveScaleTests(ArchiveScaleTests.SmallPagesAppFactory app) : IClassFixture<ArchiveScaleTests.SmallPagesAppFactory>
{
    private const int Small = 5;
    private const int Large = 200;

    [Fact]
    public async Task Every_page_costs_the_same_commands_and_rows_for_5_and_for_200_reviews_and_scans_no_updates_or_actions()
    {
        await AddReviewsUntilAsync(Small);
        var pages = await PagesAsync();
        var small = await ProfileAsync(pages);

        await AddReviewsUntilAsync(Large);
        var large = await ProfileAsync(pages);

        foreach (var (page, commands) in small)
        {
            commands.ShouldNotBeEmpty($"the counter must see {page}'s queries");
            large[page].Count.ShouldBe(commands.Count, $"{page}: commands for {Large} reviews\n{string.Join("\n---\n", large[page])}");
            for (var i = 0; i < commands.Count; i++)
            {
                large[page][i].Rows.ShouldBe(commands[i].Rows, $"{page}, command {i + 1}: rows for {Small} and {Large} reviews\n{large[page][i]}");
            }

            foreach (var command in commands.Concat(large[page]))
            {
                command.FullScansOf("ProgressUpdates", "PlanActions").ShouldBeEmpty($"{page}\n{command}");
            }
        }
    }

    private async Task<Dictionary<string, IReadOnlyList<CommandProfile>>> ProfileAsync(IReadOnlyList<(string Email, string Url)> pages)
    {
        var profiles = new Dictionary<string, IReadOnlyList<CommandProfile>>();
        // Pages are measured as rendered, not as served from the output cache.
        await app.Services.GetRequiredService<ReviewPageCache>().EveryReviewChangedAsync();
        foreach (var (email, url) in pages)
        {
            var client = await app.SignedInAsync(email);
            var commands = await app.Commands.CapturedDuringAsync(() => client.GetDocumentAsync(url));
            profiles[$"{email} {url}"] = await CommandProfile.OfAsync(app.ConnectionString, commands);
        }

        return profiles;
    }

    private Task<IReadOnlyList<(string Email, string Url)>> PagesAsync() => app.WithDbAsync<IReadOnlyList<(string, string)>>(async db =>
    {
        var hateCrime = await db.Reviews.AsNoTracking().Where(r => r.Title == "Hate Crime")
            .Select(r => new { r.Id, r.SelectCommitteeId, Open = r.Rounds.Where(x => x.Status == RoundStatus.Open).Select(x => x.Id).Single() })
            .SingleAsync();
        return
        [
            (DemoUsers.ScrutinyOfficerEmail, "/dashboard"),
            // Filtered pages 2 that hold reviews alike in both sets; sorting by the summaries' values.
            (DemoUsers.ScrutinyOfficerEmail, $"/dashboard?committee={hateCrime.SelectCommitteeId}&page=2"),
            (DemoUsers.ScrutinyOfficerEmail, "/dashboard?stage=monitoring&page=2"),
            (DemoUsers.ScrutinyOfficerEmail, "/dashboard?sort=due-date"),
            (DemoUsers.ScrutinyOfficerEmail, "/dashboard?sort=achieved"),
            (DemoUsers.CommitteeMemberEmail, "/dashboard"),
            (DemoUsers.ScrutinyOfficerEmail, "/rounds/due"),
            (DemoUsers.ScrutinyOfficerEmail, "/"),
            (DemoUsers.ScrutinyOfficerEmail, "/?page=2"),
            (DemoUsers.LinkOfficerEmail, "/"),
            (DemoUsers.LinkOfficerEmail, "/my-updates"),
            (DemoUsers.LinkOfficerEmail, $"/rounds/{hateCrime.Open}/updates"),
            (DemoUsers.LinkOfficerEmail, $"/reviews/{hateCrime.Id}/report"),
            (DemoUsers.CommitteeMemberEmail, $"/reviews/{hateCrime.Id}/report"),
            (DemoUsers.ScrutinyOfficerEmail, $"/reviews/{hateCrime.Id}/report"),
            (DemoUsers.ScrutinyOfficerEmail, $"/committee-packs?committee={hateCrime.SelectCommitteeId}"),
            (DemoUsers.ScrutinyOfficerEmail, $"/committee-packs?committee={hateCrime.SelectCommitteeId}&page=2"),
        ];
    });

    /// <summary>
    /// Reviews alike in shape, of Hate Crime's committee and year, with another link officer, their round
    /// closed and considered, so whichever of them a page shows it shows as much.
    /// </summary>
    private async Task AddReviewsUntilAsync(int total)
    {
        var otherOfficer = await app.WithDbAsync(db => db.Users.Where(u => u.DisplayName == "Archive Officer").Select(u => u.Id).FirstOrDefaultAsync())
            ?? await app.AddLinkOfficerAsync("Archive Officer");
        await app.WithDbAsync(async db =>
        {
            var hateCrime = await db.Reviews.Include(r => r.SelectCommittee).SingleAsync(r => r.Title == "Hate Crime");
            for (var i = await db.Reviews.CountAsync(); i < total; i++)
            {
                db.Reviews.Add(GeneratedReviews.Small(
                    $"Review {i:000}", hateCrime.SelectCommittee!, hateCrime.ActionPlanAgreed!.Value, otherOfficer,
                    Grade.FullyAchieved, Grade.OnTrack, null));
            }

            await db.SaveChangesAsync();
            (await db.Reviews.CountAsync()).ShouldBe(total);
            (await db.ReviewSummaries.CountAsync()).ShouldBe(total, "every review's summary is kept with it");
        });
    }

    /// <summary>The app with pages of 2, so a few reviews fill the pages the test reads.</summary>
    public sealed class SmallPagesAppFactory : QueryCountingAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Paging:PageSize", "2");
        }
    }
}
