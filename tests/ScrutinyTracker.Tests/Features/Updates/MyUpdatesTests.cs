using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

public sealed class MyUpdatesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task My_updates_lists_my_open_rounds_with_progress_and_returned_items_first()
    {
        const string email = "mona.manager@example.gov.uk";
        await app.CreateUserAsync(email, "Mona Manager", Roles.LinkOfficer);
        var overdue = await app.CreateRoundAsync("Air Quality", linkOfficerEmail: email, dueDate: new DateOnly(2021, 3, 31));
        await app.SetAnswersAsync([overdue.UpdateIds[0]]);
        var withReturn = await app.CreateRoundAsync("Bus Services", linkOfficerEmail: email);
        await app.SetAnswersAsync([withReturn.UpdateIds[0]], status: UpdateStatus.Accepted);
        await app.SetAnswersAsync([withReturn.UpdateIds[2]], status: UpdateStatus.Returned);
        await app.WithDbAsync(async db =>
        {
            (await db.ProgressUpdates.SingleAsync(u => u.Id == withReturn.UpdateIds[2])).ReturnComment = "Add the passenger numbers.";
            await db.SaveChangesAsync();
        });
        var closedRound = await app.CreateRoundAsync("Closed Review", linkOfficerEmail: email);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == closedRound.RoundId)).Status = RoundStatus.Closed;
            await db.SaveChangesAsync();
        });
        await app.CreateRoundAsync("Someone Else's Review");
        var client = app.CreateBrowser();
        await client.SignInAsync(email);

        var page = await client.GetDocumentAsync("/my-updates");

        var returned = page.QuerySelector("main .govuk-list li")!;
        returned.QuerySelector("a")!.TextContent.ShouldBe("Recommendation 2a (Landlords)");
        returned.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/rounds/{withReturn.RoundId}/updates#action-{withReturn.UpdateIds[2]}");
        returned.TextContent.ShouldContain("Add the passenger numbers.");

        var rounds = page.QuerySelectorAll(".govuk-task-list__item").ToList();
        rounds.Select(r => r.QuerySelector("a")!.TextContent).ShouldBe(["Bus Services: March 2021", "Air Quality: March 2021"]);
        rounds[0].QuerySelector(".govuk-task-list__hint")!.TextContent.ShouldBe("2 of 3 actions done, 1 returned to you. Due 31 March 2099.");
        rounds[0].QuerySelector(".govuk-task-list__status")!.TextContent.Trim().ShouldBe("Returned – needs changes");
        rounds[1].QuerySelector(".govuk-task-list__hint")!.TextContent.ShouldBe("1 of 3 actions done. Due 31 March 2021.");
        rounds[1].QuerySelector(".govuk-task-list__status")!.TextContent.Trim().ShouldBe("Overdue");
    }

    [Fact]
    public async Task My_updates_says_so_when_no_round_is_open()
    {
        const string email = "nobody.yet@example.gov.uk";
        await app.CreateUserAsync(email, "Nobody Yet", Roles.LinkOfficer);
        var client = app.CreateBrowser();
        await client.SignInAsync(email);

        var page = await client.GetDocumentAsync("/my-updates");

        page.TextOf("main").ShouldContain("None of the reviews you are link officer for has a round open for updates.");
        page.QuerySelector(".govuk-task-list").ShouldBeNull();
    }

    [Fact]
    public async Task The_demo_link_officer_sees_the_seeded_fly_tipping_round_not_started()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var page = await client.GetDocumentAsync("/my-updates");

        var flyTipping = page.QuerySelectorAll(".govuk-task-list__item").Single(i => i.TextContent.Contains("Tackling Fly-tipping"));
        flyTipping.QuerySelector(".govuk-task-list__hint")!.TextContent.ShouldStartWith("0 of 4 actions done.");
        flyTipping.QuerySelector(".govuk-task-list__status")!.TextContent.Trim().ShouldBe("Not started");
    }
}
