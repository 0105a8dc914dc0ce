using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>What the link officer's round form and task list say about returned and accepted updates.</summary>
public sealed class ReturnedUpdatesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task The_round_form_opens_with_a_banner_listing_the_returned_actions_with_the_comments_linked_to_each()
    {
        var round = await app.CreateRoundAsync("Taxi Licensing");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        await ReturnAsync(officer, round.UpdateIds[0], "Say how many drivers were trained.");
        await ReturnAsync(officer, round.UpdateIds[2], "Name the landlords' forum.");
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        var form = await linkOfficer.GetDocumentAsync(round.FormUrl);

        var banner = form.QuerySelector("main .govuk-notification-banner[data-returned-banner]")!;
        banner.GetAttribute("role").ShouldBe("region");
        banner.GetAttribute("aria-labelledby").ShouldBe("returned-updates-title");
        banner.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim().ShouldBe("The scrutiny officer returned 2 updates for you to change and submit again");
        var entries = banner.QuerySelectorAll("li").ToList();
        entries.Select(li => li.QuerySelector("a")!.TextContent).ShouldBe(["Recommendation 1", "Recommendation 2a (Landlords)"]);
        entries.Select(li => li.QuerySelector("a")!.GetAttribute("href")).ShouldBe([$"#action-{round.UpdateIds[0]}", $"#action-{round.UpdateIds[2]}"]);
        entries[0].TextContent.ShouldContain("Say how many drivers were trained.");
        entries[1].TextContent.ShouldContain("Name the landlords' forum.");
        foreach (var href in entries.Select(li => li.QuerySelector("a")!.GetAttribute("href")!))
        {
            form.QuerySelector(href).ShouldNotBeNull($"{href} is an action on the page");
        }

        var myUpdates = await linkOfficer.GetDocumentAsync("/my-updates");
        var task = myUpdates.QuerySelectorAll(".govuk-task-list__item").Single(i => i.TextContent.Contains("Taxi Licensing"));
        task.QuerySelector(".govuk-task-list__status")!.TextContent.Trim().ShouldBe("Returned – needs changes");
    }

    [Fact]
    public async Task A_round_without_returned_updates_has_no_banner()
    {
        var round = await app.CreateRoundAsync("Street Lighting");
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        (await linkOfficer.GetDocumentAsync(round.FormUrl)).QuerySelector("[data-returned-banner]").ShouldBeNull();
    }

    [Fact]
    public async Task Once_accepted_the_round_form_says_what_happened_instead_of_what_will()
    {
        var round = await app.CreateRoundAsync("Parks Byelaws");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        (await linkOfficer.GetDocumentAsync(round.FormUrl)).TextOf("[data-round-state]")
            .ShouldBe("Every update of this round has been submitted. The scrutiny officer will accept them or return them to you with a comment.");

        await app.SetAnswersAsync([round.UpdateIds[0]], status: UpdateStatus.Accepted);
        (await linkOfficer.GetDocumentAsync(round.FormUrl)).TextOf("[data-round-state]")
            .ShouldBe("Every update of this round has been submitted. The scrutiny officer has accepted 1 of them; the other 2 are waiting to be checked.");

        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        await officer.SubmitFormAsync($"/rounds/{round.RoundId}/check", [], "main form[action$='/accept-all']");

        var form = await linkOfficer.GetDocumentAsync(round.FormUrl);
        form.TextOf("[data-round-state]").ShouldBe("The scrutiny officer has accepted all 3 updates of this round. There is nothing more for you to do in it.");
        form.TextOf("main").ShouldNotContain("will accept them or return them");
        var task = (await linkOfficer.GetDocumentAsync("/my-updates")).QuerySelectorAll(".govuk-task-list__item").Single(i => i.TextContent.Contains("Parks Byelaws"));
        task.QuerySelector(".govuk-task-list__status")!.TextContent.Trim().ShouldBe("Accepted");
    }

    private static async Task ReturnAsync(HttpClient officer, int updateId, string comment) =>
        (await officer.SubmitFormAsync($"/updates/{updateId}/return", [new("Comment", comment)])).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
}
