using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Dashboard;

/// <summary>The dashboard sends as many SQL commands for 200 reviews as for 5.</summary>
public sealed class DashboardQueryCountTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private Task AddReviewsUntilAsync(int total) => app.WithDbAsync(async db =>
    {
        var existing = await db.Reviews.CountAsync();
        var committees = await db.SelectCommittees.ToListAsync();
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        for (var i = existing; i < total; i++)
        {
            db.Reviews.Add(GeneratedReviews.Small(
                $"Review {i:000}", committees[i % committees.Count], new YearMonth(2020 + i % 5, 1 + i % 12), linkOfficer.Id,
                Grade.FullyAchieved, (Grade)(1 + i % 4), null));
        }

        await db.SaveChangesAsync();
        (await db.Reviews.CountAsync()).ShouldBe(total);
    });

    [Fact]
    public async Task Dashboard_runs_the_same_number_of_queries_for_5_and_for_200_reviews()
    {
        string[] pages = ["/dashboard", "/dashboard?sort=achieved&page=2", "/dashboard?stage=monitoring&sort=due-date"];
        string[] users = [DemoUsers.CommitteeMemberEmail, DemoUsers.LinkOfficerEmail];

        await AddReviewsUntilAsync(5);
        var forFive = new List<int>();
        foreach (var user in users)
        {
            foreach (var page in pages)
            {
                forFive.Add((await app.CommandsForPageAsync(user, page)).Count);
            }
        }

        await AddReviewsUntilAsync(200);
        var forTwoHundred = new List<int>();
        foreach (var user in users)
        {
            foreach (var page in pages)
            {
                forTwoHundred.Add((await app.CommandsForPageAsync(user, page)).Count);
            }
        }

        forFive.ShouldAllBe(count => count > 0);
        forTwoHundred.ShouldBe(forFive);
    }
}
