using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;

namespace ScrutinyTracker.BrowserTests;

/// <summary>A committee pack downloaded through its accessible form; the journeys download the reports' PDFs.</summary>
public sealed class PdfTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_scrutiny_officer_corrects_the_pack_form_and_downloads_the_pack()
    {
        await using var journey = await Journey.StartAsync(browser);
        await journey.RunAsync(async j =>
        {
            await j.SignInAsync("scrutiny.officer@example.gov.uk");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Committee packs" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            // The committee first; then its rounds and reviews are offered.
            await j.Page.GetByLabel("The pack is for").SelectOptionAsync(new SelectOptionValue { Label = "Crime and Disorder Select Committee" });
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Show the committee's reviews" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByLabel("Monitoring round").SelectOptionAsync("March 2020");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Show the committee's reviews" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByLabel("Hate Crime", new() { Exact = true })).ToBeCheckedAsync();

            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Make the committee pack (PDF)" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the meeting date");

            await j.Page.GetByLabel("Day").FillAsync("12");
            await j.Page.GetByLabel("Month").FillAsync("3");
            await j.Page.GetByLabel("Year").FillAsync("2020");
            var download = await j.Page.RunAndWaitForDownloadAsync(() =>
                j.Page.GetByRole(AriaRole.Button, new() { Name = "Make the committee pack (PDF)" }).ClickAsync());

            download.SuggestedFilename.ShouldBe("Crime and Disorder Select Committee - Progress Updates - March 2020.pdf");
            (await download.FailureAsync()).ShouldBeNull();
        });
    }
}
