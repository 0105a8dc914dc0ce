using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Reviews;

public sealed class CompleteTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private Task<ReviewStatus> StatusAsync(int id) => app.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task A_review_cannot_be_completed_while_a_round_is_open()
    {
        var id = await app.AddReviewAsync("Libraries", new(2023, 5), r =>
            r.Rounds.Add(new Round { Label = "May 2024", DueDate = new(2024, 5, 31), Status = RoundStatus.Open }));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/complete");
        page.TextOf(".govuk-warning-text").ShouldContain("The May 2024 round is still open. Close it before you complete the review.");
        page.QuerySelector("main form").ShouldBeNull();

        var response = await client.PostAsync($"/reviews/{id}/complete", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(client, $"/reviews/{id}"))]));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await StatusAsync(id)).ShouldBe(ReviewStatus.Monitoring);
    }

    [Fact]
    public async Task A_completed_review_is_read_only()
    {
        var id = await app.AddReviewAsync("Parks", new(2023, 5), r =>
        {
            var round = new Round { Label = "May 2024", DueDate = new(2024, 5, 31), Status = RoundStatus.Closed };
            var action = Action("Keep the gates open");
            action.Updates.Add(new ProgressUpdate { Round = round, Evidence = "Open every day", Grade = Grade.FullyAchieved, Status = UpdateStatus.Accepted });
            r.Rounds.Add(round);
            r.Recommendations.Add(Recommendation(1, "That parks stay open.", action));
        });
        var recommendationId = await app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == id).Select(r => r.Id).SingleAsync());
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/complete", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StatusAsync(id)).ShouldBe(ReviewStatus.Completed);
        var plan = await client.GetDocumentAsync($"/reviews/{id}/plan");
        plan.TextOf(".govuk-inset-text").ShouldContain("completed");
        plan.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain(href => href!.Contains("/edit") || href.Contains("/new"));
        plan.QuerySelectorAll("main form").ShouldBeEmpty();
        var adding = await client.GetAsync($"/reviews/{id}/plan/recommendations/new");
        adding.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await adding.Content.ReadAsStringAsync()).ShouldContain("The action plan cannot be changed");
        var editing = await client.PostAsync($"/reviews/{id}/plan/recommendations/{recommendationId}/edit",
            new FormUrlEncodedContent([new("Text", "Changed"), new("__RequestVerificationToken", await TokenAsync(client, $"/reviews/{id}"))]));
        editing.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Recommendations.Where(r => r.Id == recommendationId).Select(r => r.Text).SingleAsync())).ShouldBe("That parks stay open.");
        var overview = await client.GetDocumentAsync($"/reviews/{id}");
        overview.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain($"/reviews/{id}/rounds/open");
        overview.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain($"/reviews/{id}/complete");
        (await client.GetDocumentAsync($"/reviews/{id}/rounds/open")).TextOf(".govuk-warning-text").ShouldContain("Parks is completed, so no more rounds can be opened.");
    }

    [Fact]
    public async Task A_review_is_completed_only_once_every_monitored_action_is_signed_off_otherwise_monitoring_is_closed()
    {
        var id = await app.AddReviewAsync("Libraries two", new(2023, 5), r =>
        {
            var round = new Round { Label = "May 2024", DueDate = new(2024, 5, 31), Status = RoundStatus.Closed };
            var action = Action("Open on Sundays");
            action.Updates.Add(new ProgressUpdate { Round = round, Evidence = "Not yet", Grade = Grade.Slipped, Status = UpdateStatus.Accepted });
            r.Rounds.Add(round);
            r.Recommendations.Add(Recommendation(1, "That libraries open on Sundays.", action));
        });
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/complete");

        page.TextOf(".govuk-warning-text").ShouldContain("1 action is not signed off by the committee yet, so the review cannot be completed.");
        page.QuerySelector($"main a[href='/reviews/{id}/close-monitoring']").ShouldNotBeNull();
        var response = await client.PostAsync($"/reviews/{id}/complete", new FormUrlEncodedContent([new("__RequestVerificationToken", await TokenAsync(client, $"/reviews/{id}"))]));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await StatusAsync(id)).ShouldBe(ReviewStatus.Monitoring);
    }

    /// <summary>An antiforgery token from any of the app's pages, for posts that have no form to fill.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
