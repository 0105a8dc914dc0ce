using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// A scrutiny officer brings in the council's Hate Crime document as Word: uploads it, checks the
/// preview (the report's own layout, nothing saved yet), confirms, and finds the graded report.
/// The upload and preview pages pass axe at 1280 px and at 320 px, where they reflow.
/// </summary>
public sealed class ScrutinyOfficerImportsAWordDocument(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string FileName = "hate-crime-progress-update-march-2020.docx";

    /// <summary>The integration tests' copy of the council's document (linked into this project).</summary>
    private static readonly string DocumentPath = Path.Combine(AppContext.BaseDirectory, "Documents", FileName);

    [Fact]
    public async Task The_officer_uploads_the_Hate_Crime_document_checks_the_preview_confirms_and_reads_the_graded_report()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Import a Word document" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldReflowOnAPhoneAsync(j);

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the Word document (.docx) to import");

            await j.Page.GetByLabel("Word document").SetInputFilesAsync(DocumentPath);
            await j.Page.GetByLabel("Select Committee").SelectOptionAsync(new SelectOptionValue { Label = "Crime and Disorder Select Committee" });
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldReflowOnAPhoneAsync(j);

            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Check the import of {FileName}");
            await Assertions.Expect(j.Page.Locator("#import-outcome")).ToContainTextAsync("Nothing has been saved yet");
            await Assertions.Expect(j.Page.Locator("#import-outcome")).ToContainTextAsync("12 graded 1 Fully Achieved are signed off");
            await ShouldShowTheMarch2020GradesAsync(j);
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table, new() { Name = "Recommendation 1b: agreed actions and progress" })
                .GetByRole(AriaRole.Columnheader, new() { Name = "Greater publicity for successful prosecutions" })).ToBeAttachedAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Marc Stephenson" })).ToBeCheckedAsync();

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"Hate Crime has been imported from {FileName}");
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hate Crime: progress update, March 2020");
            await ShouldShowTheMarch2020GradesAsync(j);
            await Assertions.Expect(j.Page.Locator("#consideration")).ToContainTextAsync("considered by the Crime and Disorder Select Committee");
        });
    }

    private static async Task ShouldShowTheMarch2020GradesAsync(Journey j)
    {
        var summary = j.Page.GetByRole(AriaRole.Table, new() { Name = "Summary of March 2020: actions by grade" });
        await Assertions.Expect(summary.GetByRole(AriaRole.Cell)).ToHaveTextAsync(["12", "2", "1", "1", "0"]);
    }

    /// <summary>The pages the crawl cannot reach with the demo data (a preview needs an upload) are checked as it checks pages.</summary>
    private static async Task ShouldReflowOnAPhoneAsync(Journey j)
    {
        await j.Page.SetViewportSizeAsync(320, 640);
        var problems = (await Journey.AxeViolationsAsync(j.Page)).Concat(await LayoutChecks.ProblemsAsync(j.Page)).ToList();
        await j.Page.SetViewportSizeAsync(1280, 720);
        problems.ShouldBeEmpty($"{j.Page.Url} at 320 px");
    }
}
