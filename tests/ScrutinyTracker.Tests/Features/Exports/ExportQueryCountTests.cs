using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Exports;

/// <summary>An export sends as many SQL commands for a large review, or many reviews, as for a small one.</summary>
public sealed class ExportQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private async Task<IReadOnlyList<string>> CommandsAsync(string email, string url)
    {
        var client = await app.SignedInAsync(email);
        return await app.Commands.DuringAsync(async () =>
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(0);
        });
    }

    [Fact]
    public async Task A_reviews_exports_run_the_same_queries_for_one_round_of_a_few_actions_and_two_rounds_of_many()
    {
        var (small, large) = await app.WithDbAsync(async db =>
        {
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            var review = GeneratedReviews.Small("Small export", await db.SelectCommittees.FirstAsync(), new YearMonth(2023, 1), linkOfficer.Id, Grade.OnTrack);
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return (review.Id, (await GeneratedReviews.AddHateCrimeTimesAsync(db, 3, "Hate Crime times three")).Id);
        });

        foreach (var path in new[] { "actions.xlsx", "actions.csv", "report.docx" })
        {
            var few = await CommandsAsync(DemoUsers.LinkOfficerEmail, $"/reviews/{small}/{path}?drafts=true");
            var many = await CommandsAsync(DemoUsers.LinkOfficerEmail, $"/reviews/{large}/{path}?drafts=true");
            few.Count.ShouldBeGreaterThan(0);
            many.Count.ShouldBe(few.Count, string.Join("\n---\n", many));
        }
    }

    [Fact]
    public async Task The_dashboards_export_runs_the_same_queries_for_5_and_for_60_reviews()
    {
        async Task AddUntilAsync(int total) => await app.WithDbAsync(async db =>
        {
            var committees = await db.SelectCommittees.ToListAsync();
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            for (var i = await db.Reviews.CountAsync(); i < total; i++)
            {
                db.Reviews.Add(GeneratedReviews.Small($"Review {i:000}", committees[i % committees.Count], new YearMonth(2020 + i % 5, 1 + i % 12), linkOfficer.Id, Grade.FullyAchieved, Grade.Slipped));
            }

            await db.SaveChangesAsync();
        });

        await AddUntilAsync(5);
        var five = await CommandsAsync(DemoUsers.CommitteeMemberEmail, "/dashboard/actions.xlsx?sort=achieved");
        await AddUntilAsync(60);
        var sixty = await CommandsAsync(DemoUsers.CommitteeMemberEmail, "/dashboard/actions.xlsx?sort=achieved");

        five.Count.ShouldBeGreaterThan(0);
        sixty.Count.ShouldBe(five.Count, string.Join("\n---\n", sixty));
    }
}
