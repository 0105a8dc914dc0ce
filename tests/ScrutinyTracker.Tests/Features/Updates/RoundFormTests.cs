using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Features.Updates.UpdatesTestData;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>The round form as the link officer sees it, and who may see it.</summary>
public sealed class RoundFormTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Round_form_shows_the_seeded_open_round_in_document_order()
    {
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Tackling Fly-tipping").Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var page = await client.GetDocumentAsync($"/rounds/{roundId}/updates");

        page.QuerySelectorAll("[data-update] h3, [data-update] h4").Select(h => h.TextContent.Trim())
            .ShouldBe(["Recommendation 1", "Recommendation 2a (Households)", "Recommendation 2a (Landlords)", "Recommendation 2b"]);
        page.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ShouldBe(["Recommendation 1", "Recommendation 2"]);
        page.QuerySelectorAll("main h3.govuk-heading-s").Select(h => h.TextContent.Trim())
            .ShouldContain("a) householders' duty of care when disposing of waste");
        page.QuerySelectorAll("textarea[name$='.Evidence']").Length.ShouldBe(4);
    }

    [Fact]
    public async Task Each_action_shows_the_agreed_plan_the_previous_round_and_labelled_inputs()
    {
        var round = await app.CreateRoundAsync("Anti-social Behaviour", previousRound: true);
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var page = await client.GetDocumentAsync(round.FormUrl);

        page.QuerySelectorAll("[data-update]").Select(b => int.Parse(b.GetAttribute("data-update")!)).ShouldBe(round.UpdateIds);
        var first = page.QuerySelector($"[data-update='{round.UpdateIds[0]}']")!;
        var details = first.QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector("dd")!.TextContent.Trim());
        details["Responsibility"].ShouldBe("Community Safety Manager");
        details["Date"].ShouldBe("October 2020");
        details["Agreed Action"].ShouldBe("Write the strategy.");
        details["Agreed Success Measure"].ShouldBe("Reported to the Select Committee.");
        details["Evidence of Progress (March 2020)"].ShouldBe("Last year: Write the strategy.");
        details["Assessment of Progress (March 2020)"].ShouldBe("2 On-Track");

        var id = round.UpdateIds[0];
        page.QuerySelector($"label[for='Updates_{id}__Evidence']")!.TextContent.ShouldBe("Evidence of Progress (March 2021)");
        page.QuerySelector($"#Updates_{id}__Evidence")!.ParentElement!.GetAttribute("data-maxlength").ShouldBe("10000");
        first.QuerySelectorAll("fieldset legend").Select(l => l.TextContent.Trim())
            .ShouldBe(["Your update for Recommendation 1", "Assessment of Progress (March 2021)"]);
        first.QuerySelectorAll($"input[name='Updates[{id}].Grade'] + label").Select(l => l.TextContent.Trim())
            .ShouldBe(["1 – Fully Achieved", "2 – On-Track", "3 – Slipped", "4 – Not Achieved"]);
        page.QuerySelector($"label[for='Updates_{id}__Explanation']")!.TextContent.ShouldBe("Explanation");
    }

    [Fact]
    public async Task Submitted_and_accepted_updates_are_shown_read_only()
    {
        var round = await app.CreateRoundAsync("Road Safety");
        await app.SetAnswersAsync([round.UpdateIds[0]], status: UpdateStatus.Submitted);
        await app.SetAnswersAsync([round.UpdateIds[1]], status: UpdateStatus.Accepted);
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var page = await client.GetDocumentAsync(round.FormUrl);

        page.QuerySelectorAll("textarea[name$='.Evidence']").Select(t => t.GetAttribute("name"))
            .ShouldBe([Field(round.UpdateIds[2], "Evidence")]);
        page.QuerySelector($"[data-update='{round.UpdateIds[0]}'] .govuk-tag:not(.app-grade)")!.TextContent.ShouldBe("Submitted");
        page.QuerySelector($"[data-update='{round.UpdateIds[1]}'] .govuk-tag:not(.app-grade)")!.TextContent.ShouldBe("Accepted");
        page.QuerySelector($"[data-update='{round.UpdateIds[1]}']")!.TextContent.ShouldContain($"Evidence for update {round.UpdateIds[1]}.");
    }

    [Fact]
    public async Task A_closed_round_is_read_only_and_refuses_every_change()
    {
        var round = await app.CreateRoundAsync("Domestic Abuse");
        await app.WithDbAsync(async db =>
        {
            var closing = await db.Rounds.SingleAsync(r => r.Id == round.RoundId);
            closing.Status = RoundStatus.Closed;
            await db.SaveChangesAsync();
        });
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        page.QuerySelectorAll("textarea").Length.ShouldBe(0);
        page.QuerySelector("main .govuk-inset-text")!.TextContent.ShouldContain("The March 2021 round is closed");

        var id = round.UpdateIds[0];
        var posted = new KeyValuePair<string, string>[] { page.AntiforgeryToken(), new(Field(id, "Evidence"), "Too late"), new(Field(id, "Grade"), "1") };
        var saveAll = await client.PostAsync(round.FormUrl, new FormUrlEncodedContent(posted));
        var submit = await client.PostAsync($"/rounds/{round.RoundId}/submit", new FormUrlEncodedContent(posted));
        var saveOne = new HttpRequestMessage(HttpMethod.Post, $"{round.FormUrl}/{id}") { Content = new FormUrlEncodedContent(posted) };
        saveOne.Headers.Add("X-Requested-With", "fetch");
        var background = await client.SendAsync(saveOne);

        var refused = await HttpClientExtensions.ParseAsync(saveAll);
        refused.ErrorSummary().ShouldBe([("The March 2021 round is closed, so its updates can no longer be changed", "")]);
        refused.QuerySelector(".govuk-inset-text .app-preserve-lines")!.TextContent.ShouldBe("Too late");
        (await HttpClientExtensions.ParseAsync(submit)).ErrorSummary().Count.ShouldBe(1);
        background.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stored = await app.UpdateAsync(id);
        stored.Evidence.ShouldBe("");
        stored.Status.ShouldBe(UpdateStatus.Draft);
    }

    [Fact]
    public async Task A_link_officer_of_another_review_gets_404_on_the_round_form_and_every_post()
    {
        await app.CreateUserAsync("other.officer@example.gov.uk", "Olivia Other", Roles.LinkOfficer);
        var theirs = await app.CreateRoundAsync("Licensing", linkOfficerEmail: "other.officer@example.gov.uk");
        var notTheirs = await app.CreateRoundAsync("Street Lighting");
        var client = app.CreateBrowser();
        await client.SignInAsync("other.officer@example.gov.uk");
        var ownPage = await client.GetDocumentAsync(theirs.FormUrl);
        var id = notTheirs.UpdateIds[0];
        var posted = new FormUrlEncodedContent([ownPage.AntiforgeryToken(), new(Field(id, "Evidence"), "Not mine"), new(Field(id, "Grade"), "1")]);

        (await client.GetAsync(notTheirs.FormUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync(notTheirs.FormUrl, posted)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{notTheirs.FormUrl}/{id}", posted)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"/rounds/{notTheirs.RoundId}/submit", posted)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var notFound = await client.GetAsync(notTheirs.FormUrl);
        (await notFound.Content.ReadAsStringAsync()).ShouldNotContain("Street Lighting");
        (await app.UpdateAsync(id)).Evidence.ShouldBe("");
    }

    [Fact]
    public async Task Answers_for_an_update_of_another_round_are_refused_with_404()
    {
        var mine = await app.CreateRoundAsync("Parks");
        var other = await app.CreateRoundAsync("Allotments");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(mine.FormUrl);
        var foreign = other.UpdateIds[0];

        var response = await client.SaveAllAsync(page, (foreign, "Evidence", "Smuggled in"), (foreign, "Version", Guid.Empty.ToString()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.UpdateAsync(foreign)).Evidence.ShouldBe("");
    }

    [Fact]
    public async Task A_committee_member_may_not_open_the_round_form()
    {
        var round = await app.CreateRoundAsync("Libraries");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var response = await client.GetAsync(round.FormUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
