using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Tests.Features.Plans;

public sealed class PlanConflictTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task A_change_the_database_refuses_because_of_a_colleagues_change_gets_a_page_that_says_so()
    {
        // Stands in for a colleague who saved recommendation 3 a moment earlier: the insert hits the unique index.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER collide BEFORE INSERT ON Recommendations WHEN NEW.Text = 'Collides' " +
            "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: Recommendations.ReviewId, Recommendations.Number'); END;"));
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Tackling Fly-tipping").Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);

        var response = await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/new", [new("Text", "Collides")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.TextOf("h1").ShouldBe("Your change was not saved");
        page.QuerySelector($"main a[href='/reviews/{reviewId}/plan']").ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == reviewId))).ShouldBe(2);
    }
}
