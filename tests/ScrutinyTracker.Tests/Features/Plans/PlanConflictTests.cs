using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == reviewId))).ShouldBe(3);
    }

    [Fact]
    public async Task Evidence_saved_after_the_delete_was_checked_stops_the_delete()
    {
        var (actionId, updateId) = await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.Include(u => u.PlanAction)
                .FirstAsync(u => u.Round!.Review!.Title == "Tackling Fly-tipping" && u.Evidence == "");
            return (update.PlanActionId, update.Id);
        });
        await using var deleting = app.Services.CreateAsyncScope();
        var db = deleting.ServiceProvider.GetRequiredService<ScrutinyTracker.Web.Data.ScrutinyDbContext>();
        var deletion = deleting.ServiceProvider.GetRequiredService<ScrutinyTracker.Web.Features.Plans.PlanDeletion>();
        (await deletion.HasProgressAsync(a => a.Id == actionId, CancellationToken.None)).ShouldBeFalse();
        var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);

        // The link officer saves their first evidence between the officer's check and the delete.
        await app.WithDbAsync(async other =>
        {
            (await other.ProgressUpdates.SingleAsync(u => u.Id == updateId)).Evidence = "Typed just now.";
            await other.SaveChangesAsync();
        });

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => deletion.DeleteActionAsync(action, CancellationToken.None));
        (await app.WithDbAsync(other => other.ProgressUpdates.AsNoTracking().SingleAsync(u => u.Id == updateId))).Evidence.ShouldBe("Typed just now.");
    }
}
