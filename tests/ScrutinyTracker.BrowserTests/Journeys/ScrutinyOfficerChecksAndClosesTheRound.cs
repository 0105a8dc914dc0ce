using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// Journey 2: the scrutiny officer returns one of the submitted updates with a comment, the link officer
/// corrects it and submits again, and the scrutiny officer accepts them all, closes the round and
/// downloads the round's report as a PDF.
/// </summary>
public sealed class ScrutinyOfficerChecksAndClosesTheRound(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Comment = "Say when the cameras will be deployed.\nName the hotspots too.";
    private const string CorrectedEvidence = "Two cameras bought in March.\nThey go up at Mill Lane and Canal Street on 5 May.";

    [Fact]
    public async Task A_scrutiny_officer_returns_an_update_accepts_the_corrected_round_closes_it_and_downloads_its_pdf()
    {
        var round = await FlyTippingRound.SubmitAsync(browser.App);
        await using var officer = await Journey.StartAsync(browser);
        await using var linkOfficer = await Journey.StartAsync(browser);

        await officer.RunAsync(async j =>
        {
            await j.SignInAsync("scrutiny.officer@example.gov.uk");
            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Check updates for {round.Label}" }).ClickAsync();
            await j.CheckAccessibilityAsync();

            // Returning without a comment leads to the update's return page, which asks for one.
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Return Recommendation 1 to the link officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what the link officer should change");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Back to the check" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByLabel("Comment for the link officer about Recommendation 1").FillAsync(Comment);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Return Recommendation 1 to the link officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Button, new() { Name = "Accept all 3 submitted updates" })).ToBeVisibleAsync();
        });

        await linkOfficer.RunAsync(async j =>
        {
            await j.SignInAsync("link.officer@example.gov.uk");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "My updates" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Recommendation 1", Exact = true }).ClickAsync();
            await j.CheckAccessibilityAsync();

            var returned = FlyTippingRound.Block(j.Page, 0);
            var warning = returned.Locator(".govuk-warning-text");
            await Assertions.Expect(warning).ToContainTextAsync("Returned by the scrutiny officer:");
            (await warning.Locator(".app-preserve-lines").InnerTextAsync()).ShouldBe(Comment);
            await FlyTippingRound.EvidenceField(returned).FillAsync(CorrectedEvidence);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("have been sent to the scrutiny officer");
        });

        await officer.RunAsync(async j =>
        {
            await j.Page.ReloadAsync();
            await j.CheckAccessibilityAsync();
            // The corrected update on its own, after reading it; then the rest together.
            await Assertions.Expect(FlyTippingRound.CheckedUpdate(j.Page, 0)).ToContainTextAsync("They go up at Mill Lane and Canal Street on 5 May.");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Accept Recommendation 1", Exact = true }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("Recommendation 1 has been accepted.");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Accept all 3 submitted updates" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("3 updates accepted.");
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "History of Recommendation 1" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Say when the cameras will be deployed.");

            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Close round {round.Label}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Close round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The {round.Label} round is closed.");

            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Graded report for {round.Label}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            var download = await j.Page.RunAndWaitForDownloadAsync(() =>
                j.Page.GetByRole(AriaRole.Link, new() { Name = "Download this report as a PDF" }).ClickAsync());

            download.SuggestedFilename.ShouldBe($"Tackling Fly-tipping - Progress Update - {round.Label}.pdf");
            var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
            pdf.AsSpan(0, 5).ToArray().ShouldBe("%PDF-"u8.ToArray(), "the download is a PDF");
            (await Poppler.InfoAsync(pdf))["Title"].ShouldBe($"Tackling Fly-tipping – Progress Update – {round.Label}");
            (await Poppler.TextAsync(pdf)).ShouldContain(Poppler.Squash(CorrectedEvidence));
        });
    }

    private static async Task OpenTheReviewAsync(Journey j)
    {
        await j.Page.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        await j.CheckAccessibilityAsync();
        await j.Page.GetByRole(AriaRole.Link, new() { Name = FlyTippingRound.ReviewTitle }).ClickAsync();
        await j.CheckAccessibilityAsync();
    }
}
