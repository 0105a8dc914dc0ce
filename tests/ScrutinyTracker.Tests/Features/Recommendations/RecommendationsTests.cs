using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Recommendations;

public sealed class RecommendationsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>A review with recommendations 1, 2 and 3, the second with a part and two actions.</summary>
    private Task<int> ThreeRecommendationsAsync(string title) => app.AddReviewAsync(title, new(2024, 2), review =>
    {
        var second = Recommendation(2, "Second", Action("Own action"));
        var part = new RecommendationPart { Letter = "a", Position = 0, Text = "a part" };
        second.Parts.Add(part);
        second.Actions.Add(WithPart(Action("Part action"), part));
        review.Recommendations.AddRange([Recommendation(1, "First"), second, Recommendation(3, "Third")]);
    });

    private static PlanAction WithPart(PlanAction action, RecommendationPart part)
    {
        action.Part = part;
        return action;
    }

    private Task<List<(int Number, string Text)>> RecommendationsAsync(int reviewId) => app.WithDbAsync(async db =>
        (await db.Recommendations.Where(r => r.ReviewId == reviewId).OrderBy(r => r.Position).Select(r => new { r.Number, r.Text }).ToListAsync())
            .Select(r => (r.Number, r.Text)).ToList());

    private Task<int> IdOfAsync(int reviewId, string text) =>
        app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == reviewId && r.Text == text).Select(r => r.Id).SingleAsync());

    [Theory]
    [InlineData(0, "Enter the recommendation")]
    [InlineData(2001, "Recommendation must be 2,000 characters or fewer")]
    public async Task Empty_and_over_long_recommendations_are_refused_with_a_message(int length, string message)
    {
        var id = await app.AddReviewAsync($"Validation {length}", new(2024, 2));
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/plan/recommendations/new", [new("Text", new string('r', length))]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        Errors(page).ShouldBe([message]);
        page.TextOf("#Text-error").ShouldBe($"Error: {message}");
        page.QuerySelector("#Text")!.TextContent.Trim().Length.ShouldBe(length);
        (await RecommendationsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_recommendation_takes_the_next_number_and_can_be_edited()
    {
        var id = await ThreeRecommendationsAsync("Numbering");
        var client = await OfficerAsync();

        (await client.GetDocumentAsync($"/reviews/{id}/plan/recommendations/new")).TextOf("h1").ShouldBe("Add recommendation 4");
        var added = (await client.SubmitFormAsync($"/reviews/{id}/plan/recommendations/new", [new("Text", "  Fourth  ")])).RedirectedAnchorId();
        var edited = await client.SubmitFormAsync($"/reviews/{id}/plan/recommendations/{added}/edit", [new("Text", "Fourth, reworded")]);

        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecommendationsAsync(id)).ShouldBe([(1, "First"), (2, "Second"), (3, "Third"), (4, "Fourth, reworded")]);
    }

    [Fact]
    public async Task Moving_a_recommendation_up_renumbers_the_plan()
    {
        var id = await ThreeRecommendationsAsync("Moving");
        var third = await IdOfAsync(id, "Third");
        var client = await OfficerAsync();
        var plan = await client.GetDocumentAsync($"/reviews/{id}/plan");

        var response = await client.SubmitFormAsync(plan, [new("direction", "Earlier")], $"form[action='/reviews/{id}/plan/recommendations/{third}/move']");

        response.Headers.Location!.ToString().ShouldBe($"/reviews/{id}/plan#recommendation-{third}");
        (await RecommendationsAsync(id)).ShouldBe([(1, "First"), (2, "Third"), (3, "Second")]);
    }

    [Fact]
    public async Task Moving_the_first_recommendation_up_changes_nothing()
    {
        var id = await ThreeRecommendationsAsync("Not moving");
        var first = await IdOfAsync(id, "First");
        var client = await OfficerAsync();
        var token = (await client.GetDocumentAsync($"/reviews/{id}/plan")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync($"/reviews/{id}/plan/recommendations/{first}/move",
            new FormUrlEncodedContent([new("direction", "Earlier"), new("__RequestVerificationToken", token)]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecommendationsAsync(id)).ShouldBe([(1, "First"), (2, "Second"), (3, "Third")]);
    }

    [Fact]
    public async Task Deleting_a_recommendation_deletes_its_parts_and_actions_and_renumbers_the_rest()
    {
        var id = await ThreeRecommendationsAsync("Deleting");
        var second = await IdOfAsync(id, "Second");
        var client = await OfficerAsync();

        var confirm = await client.GetDocumentAsync($"/reviews/{id}/plan/recommendations/{second}/delete");
        confirm.TextOf("main form button").ShouldBe("Yes, delete recommendation 2");
        confirm.TextOf("main p.govuk-body").ShouldContain("its 1 part and 2 actions");
        var response = await client.SubmitFormAsync(confirm, []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecommendationsAsync(id)).ShouldBe([(1, "First"), (2, "Third")]);
        (await app.WithDbAsync(db => db.RecommendationParts.CountAsync(p => p.RecommendationId == second))).ShouldBe(0);
        (await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.RecommendationId == second))).ShouldBe(0);
    }

    [Fact]
    public async Task A_recommendation_with_progress_updates_cannot_be_deleted()
    {
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
        var first = await app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == reviewId && r.Number == 1).Select(r => r.Id).SingleAsync());
        var client = await OfficerAsync();
        var url = $"/reviews/{reviewId}/plan/recommendations/{first}/delete";

        var page = await client.GetDocumentAsync(url);
        page.TextOf(".govuk-warning-text").ShouldContain("You cannot delete recommendation 1 because progress has already been reported on it.");
        page.TextOf(".govuk-warning-text").ShouldContain("complete it instead");
        page.QuerySelector("main form").ShouldBeNull();

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Recommendations.AnyAsync(r => r.Id == first))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_recommendation_whose_updates_are_untouched_drafts_can_be_deleted_with_them()
    {
        var id = await app.AddReviewAsync("Untouched drafts", new(2024, 2), review =>
        {
            var round = new Round { Label = "February 2025", DueDate = new(2025, 2, 28) };
            var action = Action("Only action");
            action.Updates.Add(new ProgressUpdate { Round = round });
            review.Rounds.Add(round);
            review.Recommendations.Add(Recommendation(1, "Only", action));
        });
        var recommendation = await IdOfAsync(id, "Only");
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/plan/recommendations/{recommendation}/delete", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RecommendationsAsync(id)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.ProgressUpdates.CountAsync(u => u.Round!.ReviewId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_recommendation_is_not_found_through_another_reviews_address()
    {
        var id = await ThreeRecommendationsAsync("Elsewhere");
        var other = await app.AddReviewAsync("Other review", new(2024, 2));
        var first = await IdOfAsync(id, "First");
        var client = await OfficerAsync();

        (await client.GetAsync($"/reviews/{other}/plan/recommendations/{first}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/reviews/999999/plan/recommendations/new")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
