using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Imports.Spreadsheets;

/// <summary>Export a plan, import it into an empty review: the same plan, after a preview that saved nothing.</summary>
public sealed class PlanImportTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<int> HateCrimeIdAsync() => app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());

    private Task<int> EmptyReviewAsync(string title) => app.AddReviewAsync(title, new YearMonth(2025, 6));

    private async Task<byte[]> ExportAsync(HttpClient client, int reviewId, string format) =>
        await (await client.GetAsync($"/reviews/{reviewId}/actions.{format}")).Content.ReadAsByteArrayAsync();

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_Hate_Crime_plan_exported_with_both_rounds_imports_as_an_equal_plan(string format)
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var source = await HateCrimeIdAsync();
        var target = await EmptyReviewAsync($"Imported from {format}");
        var file = await ExportAsync(client, source, format);

        var preview = await HateCrimePreviewAsync(client, target, $"hate-crime.{format}", file);
        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == target))).ShouldBe(0, "the preview saves nothing");
        await client.SubmitFormAsync(preview, [], "main form[action$='/plan/import/confirm']");

        (await app.PlanLinesAsync(target)).ShouldBe(await app.PlanLinesAsync(source));
        (await app.WithDbAsync(db => db.DocumentImports.Where(d => d.ReviewId == target).Select(d => d.FileName).ToListAsync())).ShouldBe([$"hate-crime.{format}"]);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ReviewId == target && e.EntityType == nameof(DocumentImport) && e.NewValue == $"hate-crime.{format}")))
            .ShouldBe(1, "the import is audited with the file's name");
        (await app.WithDbAsync(db => db.PendingImports.CountAsync(p => p.ReviewId == target))).ShouldBe(0, "the confirmed upload is gone");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ReviewId == target && e.EntityType == "PlanAction" && e.Field == "AgreedAction"))).ShouldBe(16, "each action audited as added");
        var plan = await client.GetDocumentAsync($"/reviews/{target}/plan");
        plan.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain($"imported from hate-crime.{format}");
    }

    private static async Task<AngleSharp.Dom.IDocument> HateCrimePreviewAsync(HttpClient client, int target, string fileName, byte[] file)
    {
        var preview = await HttpClientExtensions.ParseAsync(await client.UploadAsync(target, fileName, file));
        preview.QuerySelector("h1")!.TextContent.ShouldBe("Check the action plan before importing it", preview.QuerySelector(".govuk-error-summary")?.TextContent);
        var seed = SeedDocument.LoadHateCrime();
        var parts = seed.Recommendations.Sum(r => r.Parts?.Count ?? 0);
        preview.QuerySelector("#import-summary")!.TextContent.ShouldContain($"{fileName} holds {seed.Recommendations.Count} recommendations, {parts} parts and 16 actions");
        var main = preview.QuerySelector("main")!.TextContent;
        foreach (var recommendation in seed.Recommendations)
        {
            main.ShouldContain($"Recommendation {recommendation.Number}: {recommendation.Text}");
        }

        preview.QuerySelectorAll("main .app-report-table").Length.ShouldBeGreaterThan(0, "laid out as the report");
        return preview;
    }

    [Fact]
    public async Task Text_that_starts_like_a_formula_round_trips_through_CSV()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var source = await app.AddReviewAsync("Formula source", new YearMonth(2024, 1), review =>
        {
            var recommendation = TestReviews.Recommendation(1, "-That the council act.");
            recommendation.Parts.Add(new RecommendationPart { Letter = "a", Text = "=SUM(A1)", Position = 0 });
            recommendation.Actions.Add(new PlanAction { Part = recommendation.Parts[0], Heading = "@team", Responsibility = "+Officer", TargetDate = "'April 2025", AgreedAction = "- first\n- second", SuccessMeasure = "Done" });
            recommendation.Actions.Add(new PlanAction { Part = recommendation.Parts[0], Heading = "@team", Responsibility = "Officer", TargetDate = "May 2025", AgreedAction = "Another with the same heading", SuccessMeasure = "Done", Position = 1 });
            recommendation.Actions.ForEach(a => a.SetTargetDate(a.TargetDate));
            review.Recommendations.Add(recommendation);
        });
        var target = await EmptyReviewAsync("Formula target");

        await client.ImportAsync(target, "formula.csv", await ExportAsync(client, source, "csv"));

        (await app.PlanLinesAsync(target)).ShouldBe(await app.PlanLinesAsync(source));
    }

    [Fact]
    public async Task A_review_with_a_plan_offers_no_import_and_refuses_one()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var hateCrime = await HateCrimeIdAsync();
        var before = await app.PlanLinesAsync(hateCrime);

        var page = await client.GetDocumentAsync($"/reviews/{hateCrime}/plan/import");
        page.QuerySelector("main form[enctype]").ShouldBeNull();
        page.QuerySelector("main .govuk-inset-text")!.TextContent.ShouldContain("already has an action plan");
        (await client.GetDocumentAsync($"/reviews/{hateCrime}/plan")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldNotContain($"/reviews/{hateCrime}/plan/import");

        var empty = await EmptyReviewAsync("Offers an import");
        (await client.GetDocumentAsync($"/reviews/{empty}/plan")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain($"/reviews/{empty}/plan/import");
        (await app.PlanLinesAsync(hateCrime)).ShouldBe(before);
    }

    [Fact]
    public async Task A_plan_added_to_between_the_preview_and_the_confirmation_is_left_as_it_is()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var review = await EmptyReviewAsync("Added to meanwhile");
        var preview = await HttpClientExtensions.ParseAsync(await client.UploadAsync(review, "plan.xlsx", await ExportAsync(client, await HateCrimeIdAsync(), "xlsx")));
        await app.WithDbAsync(async db =>
        {
            var typed = TestReviews.Recommendation(1, "Typed in meanwhile.");
            typed.ReviewId = review;
            db.Recommendations.Add(typed);
            await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(preview, [], "main form[action$='/plan/import/confirm']");

        (await HttpClientExtensions.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("no longer empty");
        (await app.PlanLinesAsync(review)).ShouldBe(["Recommendation 1: Typed in meanwhile."]);
        (await app.WithDbAsync(db => db.DocumentImports.AnyAsync(d => d.ReviewId == review))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_confirmation_for_another_review_or_of_an_unknown_upload_imports_nothing()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var first = await EmptyReviewAsync("First empty");
        var second = await EmptyReviewAsync("Second empty");
        var file = await ExportAsync(client, await HateCrimeIdAsync(), "csv");
        var preview = await HttpClientExtensions.ParseAsync(await client.UploadAsync(first, "plan.csv", file));
        var pendingId = preview.QuerySelector("input[name=pendingId]")!.GetAttribute("value")!;
        var token = preview.QuerySelector("main form[action$='/confirm'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        foreach (var (review, value) in new[] { (second, pendingId), (first, Guid.NewGuid().ToString()) })
        {
            var response = await client.PostAsync($"/reviews/{review}/plan/import/confirm",
                new FormUrlEncodedContent([new("pendingId", value), new("__RequestVerificationToken", token)]));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HttpClientExtensions.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent.ShouldContain("Nothing was imported");
        }

        (await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == first || r.ReviewId == second))).ShouldBe(0);
    }
}
