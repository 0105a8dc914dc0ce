using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.RecommendationParts;

public sealed class PartsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private async Task<(int ReviewId, int RecommendationId)> RecommendationAsync(string title)
    {
        var reviewId = await app.AddReviewAsync(title, new(2024, 2), r => r.Recommendations.Add(Recommendation(1, "That the Council raise awareness of:")));
        return (reviewId, await app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == reviewId).Select(r => r.Id).SingleAsync()));
    }

    private Task<List<string>> PartsAsync(int recommendationId) => app.WithDbAsync(db => db.RecommendationParts
        .Where(p => p.RecommendationId == recommendationId).OrderBy(p => p.Position).Select(p => p.Letter + ") " + p.Text).ToListAsync());

    private static async Task<int> AddPartAsync(HttpClient client, int reviewId, int recommendationId, string text) =>
        (await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/parts/new", [new("Text", text)])).RedirectedAnchorId();

    [Theory]
    [InlineData(0, "Enter the text of the part")]
    [InlineData(2001, "Part must be 2,000 characters or fewer")]
    public async Task Empty_and_over_long_parts_are_refused_with_a_message(int length, string message)
    {
        var (reviewId, recommendationId) = await RecommendationAsync($"Part validation {length}");
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/parts/new", [new("Text", new string('p', length))]);

        var page = await HttpClientExtensions.ParseAsync(response);
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ShouldBe([message]);
        page.TextOf("#Text-error").ShouldBe($"Error: {message}");
        (await PartsAsync(recommendationId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Parts_are_lettered_in_order_and_relettered_when_moved()
    {
        var (reviewId, recommendationId) = await RecommendationAsync("Lettering");
        var client = await OfficerAsync();
        (await client.GetDocumentAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/parts/new")).TextOf("h1")
            .ShouldBe("Add part a) to recommendation 1");
        await AddPartAsync(client, reviewId, recommendationId, "households");
        await AddPartAsync(client, reviewId, recommendationId, "landlords");
        var businesses = await AddPartAsync(client, reviewId, recommendationId, "businesses");
        (await PartsAsync(recommendationId)).ShouldBe(["a) households", "b) landlords", "c) businesses"]);

        var plan = await client.GetDocumentAsync($"/reviews/{reviewId}/plan");
        await client.SubmitFormAsync(plan, [new("direction", "Earlier")], $"form[action='/reviews/{reviewId}/plan/parts/{businesses}/move']");

        (await PartsAsync(recommendationId)).ShouldBe(["a) households", "b) businesses", "c) landlords"]);
    }

    [Fact]
    public async Task Deleting_a_part_deletes_its_actions_and_reletters_the_parts_after_it()
    {
        var (reviewId, recommendationId) = await RecommendationAsync("Deleting parts");
        var client = await OfficerAsync();
        var first = await AddPartAsync(client, reviewId, recommendationId, "households");
        await AddPartAsync(client, reviewId, recommendationId, "landlords");
        await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/actions/new?partId={first}",
            [new("Responsibility", "Comms"), new("TargetDate", "May 2024"), new("AgreedAction", "Leaflets"), new("SuccessMeasure", "Leaflets sent")]);

        var confirm = await client.GetDocumentAsync($"/reviews/{reviewId}/plan/parts/{first}/delete");
        confirm.TextOf("main form button").ShouldBe("Yes, delete recommendation 1a");
        var response = await client.SubmitFormAsync(confirm, []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PartsAsync(recommendationId)).ShouldBe(["a) landlords"]);
        (await app.WithDbAsync(db => db.PlanActions.CountAsync(a => a.RecommendationId == recommendationId))).ShouldBe(0);
    }

    [Fact]
    public async Task A_part_with_progress_updates_cannot_be_deleted()
    {
        var part = await app.WithDbAsync(db => db.RecommendationParts
            .Where(p => p.Recommendation!.Review!.Title == "Hate Crime" && p.Recommendation.Number == 1 && p.Letter == "b")
            .Select(p => new { p.Id, p.Recommendation!.ReviewId }).SingleAsync());
        var client = await OfficerAsync();
        var url = $"/reviews/{part.ReviewId}/plan/parts/{part.Id}/delete";

        var page = await client.GetDocumentAsync(url);
        page.TextOf(".govuk-warning-text").ShouldContain("You cannot delete recommendation 1b because progress has already been reported on it.");

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.RecommendationParts.AnyAsync(p => p.Id == part.Id))).ShouldBeTrue();
    }
}
