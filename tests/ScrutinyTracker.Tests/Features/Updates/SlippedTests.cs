using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>A Slipped (3) grade asks, as the council's grading guidance does, for the revised date and the reason for the delay.</summary>
public sealed class SlippedTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task A_slipped_action_keeps_its_revised_month_and_reason_and_the_report_shows_them()
    {
        var round = await app.CreateRoundAsync("Slipped with a date");
        var id = round.UpdateIds[0];
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        var response = await linkOfficer.SaveAllAsync(await linkOfficer.GetDocumentAsync(round.FormUrl),
            (id, "Evidence", "Consultation delayed."), (id, "Grade", "3"), (id, "ExpectedBy", "june 2021"), (id, "DelayReason", "The consultant left."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var update = await app.UpdateAsync(id);
        update.ExpectedBy.ShouldBe(new YearMonth(2021, 6));
        update.DelayReason.ShouldBe("The consultant left.");
        var form = await linkOfficer.GetDocumentAsync(round.FormUrl);
        form.QuerySelector($"input[name='Updates[{id}].ExpectedBy']")!.GetAttribute("value").ShouldBe("June 2021");
        var report = await linkOfficer.GetDocumentAsync($"/reviews/{round.ReviewId}/report?round={round.RoundId}&drafts=true");
        report.TextOf("main .app-report-table__revised").ShouldBe("Expected to be achieved by June 2021.");
        report.TextOf("main").ShouldContain("Reason for the delay: The consultant left.");
        var pdf = await (await linkOfficer.GetAsync($"/reviews/{round.ReviewId}/report.pdf?round={round.RoundId}&drafts=true"))
            .ShouldBePdfAttachmentAsync("Slipped with a date - Progress Update - March 2021 - Draft.pdf");
        var text = await Poppler.TextAsync(pdf);
        text.ShouldContain("Expected to be achieved by June 2021.");
        text.ShouldContain("Reason for the delay: The consultant left.");
    }

    [Fact]
    public async Task An_unreadable_month_is_refused_and_with_another_grade_neither_is_kept()
    {
        var round = await app.CreateRoundAsync("Slipped refused");
        var (first, second) = (round.UpdateIds[0], round.UpdateIds[1]);
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        var refused = await linkOfficer.SaveAllAsync(await linkOfficer.GetDocumentAsync(round.FormUrl), (first, "Grade", "3"), (first, "ExpectedBy", "soon"));
        var page = await HttpClientExtensions.ParseAsync(refused);
        page.ErrorSummary().Select(e => e.Text).ShouldBe(["Enter the month Recommendation 1 is expected to be achieved by as a month and year, for example June 2021"]);

        await linkOfficer.SaveAllAsync(await linkOfficer.GetDocumentAsync(round.FormUrl), (second, "Grade", "2"), (second, "ExpectedBy", "June 2021"), (second, "DelayReason", "Not slipped."));
        var onTrack = await app.UpdateAsync(second);
        onTrack.ExpectedBy.ShouldBeNull();
        onTrack.DelayReason.ShouldBeNull();
    }
}
