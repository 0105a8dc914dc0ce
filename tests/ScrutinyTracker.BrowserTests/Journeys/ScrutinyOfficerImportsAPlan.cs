using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// A scrutiny officer downloads the Hate Crime review's actions as Excel, tries a wrong file, then imports
/// the plan into a new review with an empty plan: upload, preview, confirm. Each page is checked with
/// axe-core, and at 320 px for reflow and target sizes, as the crawl checks pages it cannot reach here.
/// </summary>
public sealed class ScrutinyOfficerImportsAPlan(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ReviewTitle = "Road Safety";

    [Fact]
    public async Task A_scrutiny_officer_imports_the_plan_downloaded_from_another_review()
    {
        var reviewId = await ArrangeAnEmptyReviewAsync();
        var folder = Directory.CreateTempSubdirectory("scrutiny-import-");
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
            var hateCrime = await browser.App.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
            await j.GotoAsync($"/reviews/{hateCrime}/report");
            var download = await j.Page.RunAndWaitForDownloadAsync(() =>
                j.Page.GetByRole(AriaRole.Link, new() { Name = "Excel spreadsheet of the actions" }).ClickAsync());
            download.SuggestedFilename.ShouldBe("Hate Crime - Actions by round.xlsx");
            var workbook = Path.Combine(folder.FullName, download.SuggestedFilename);
            await download.SaveAsAsync(workbook);

            await j.GotoAsync($"/reviews/{reviewId}/plan");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Import the action plan from a spreadsheet (Excel or CSV)" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldReflowOnAPhoneAsync(j);

            var wrong = Path.Combine(folder.FullName, "notes.txt");
            await File.WriteAllTextAsync(wrong, "not a plan");
            await j.Page.GetByLabel("Upload the action plan").SetInputFilesAsync(wrong);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Preview the plan" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("The file must be an Excel workbook (.xlsx) or a CSV file");

            await j.Page.GetByLabel("Upload the action plan").SetInputFilesAsync(workbook);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Preview the plan" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check the action plan before importing it");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "Recommendation 1b: agreed actions and progress" })
                .GetByRole(AriaRole.Columnheader, new() { Name = "Greater publicity for successful prosecutions" })).ToBeAttachedAsync();
            await ShouldReflowOnAPhoneAsync(j);
            (await browser.App.WithDbAsync(db => db.Recommendations.CountAsync(r => r.ReviewId == reviewId))).ShouldBe(0);

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Import this action plan" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("The action plan was imported from Hate Crime - Actions by round.xlsx");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation 4", Exact = true })).ToBeVisibleAsync();
        });
        folder.Delete(recursive: true);
    }

    private Task<int> ArrangeAnEmptyReviewAsync() => browser.App.WithDbAsync(async db =>
    {
        var review = new Review { Title = ReviewTitle, SelectCommitteeId = (await db.SelectCommittees.FirstAsync()).Id, ActionPlanAgreed = new YearMonth(2025, 9) };
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    });

    private static async Task ShouldReflowOnAPhoneAsync(Journey j)
    {
        await j.Page.SetViewportSizeAsync(320, 640);
        var problems = (await Journey.AxeViolationsAsync(j.Page)).Concat(await LayoutChecks.ProblemsAsync(j.Page)).ToList();
        await j.Page.SetViewportSizeAsync(1280, 720);
        problems.ShouldBeEmpty($"{j.Page.Url} at 320 px");
    }
}
