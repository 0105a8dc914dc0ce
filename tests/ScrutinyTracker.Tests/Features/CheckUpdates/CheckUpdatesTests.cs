using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.CheckUpdates;

/// <summary>The scrutiny officer's queue: accept all, return one with a comment, reopen an accepted one.</summary>
public sealed class CheckUpdatesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string AcceptAllForm = "main form[action$='/accept-all']";

    [Fact]
    public async Task Accept_all_accepts_every_submitted_update_which_is_then_locked()
    {
        var round = await app.CreateRoundAsync("Burglary");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");
        queue.TextOf(AcceptAllForm + " button").ShouldBe("Accept all 3 submitted updates");
        queue.TextOf($"#update-{round.UpdateIds[1]}").ShouldContain($"Evidence for update {round.UpdateIds[1]}.");

        var response = await officer.SubmitFormAsync(queue, [], AcceptAllForm);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var updates = await UpdatesOfAsync(round);
        updates.ShouldAllBe(u => u.Status == UpdateStatus.Accepted && u.ReviewedById != null && u.ReviewedAtUtc != null);
        (await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check")).TextOf(".govuk-notification-banner__heading").ShouldBe("3 updates accepted.");

        var linkOfficer = await SignedInAsync(DemoUsers.LinkOfficerEmail);
        var form = await linkOfficer.GetDocumentAsync(round.FormUrl);
        form.QuerySelectorAll("textarea").Length.ShouldBe(0);
        var id = round.UpdateIds[0];
        var attempt = await linkOfficer.PostAsync(round.FormUrl, new FormUrlEncodedContent(
            [form.AntiforgeryToken(), new(UpdatesTestData.Field(id, "Evidence"), "Changed after acceptance"), new(UpdatesTestData.Field(id, "Grade"), "1")]));
        (await HttpClientExtensions.ParseAsync(attempt)).ErrorSummary().Single().Text.ShouldContain("was accepted");
        (await app.UpdateAsync(id)).Evidence.ShouldBe($"Evidence for update {id}.");
    }

    [Fact]
    public async Task The_updates_come_first_and_nothing_can_be_accepted_from_above_them()
    {
        var round = await app.CreateRoundAsync("Anti-social Behaviour");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");

        var order = queue.QuerySelectorAll("main *").Select((element, index) => (element, index)).ToDictionary(p => p.element, p => p.index);
        var blocks = round.UpdateIds.Select(id => queue.QuerySelector($"#update-{id}")!).ToList();
        var controls = queue.QuerySelectorAll("main form, main button").ToList();
        var firstAnswers = blocks[0].QuerySelector(".govuk-summary-list:not(.govuk-details__text *)")!;
        order[controls[0]].ShouldBeGreaterThan(order[firstAnswers], "the page's first form comes after the first update's answers");
        foreach (var (block, id) in blocks.Zip(round.UpdateIds))
        {
            var decision = block.QuerySelector("form")!;
            var answers = block.QuerySelectorAll(".govuk-summary-list").Last(l => l.TextContent.Contains("Evidence of Progress") && l.TextContent.Contains("Status"));
            order[decision].ShouldBeGreaterThan(order[answers], $"update {id}'s decision follows what it says");
        }

        var acceptAll = queue.QuerySelector(AcceptAllForm)!;
        order[acceptAll].ShouldBeGreaterThan(order[blocks[^1].QuerySelectorAll("*").Last()], "Accept all comes after the whole list");
        controls.Where(c => order[c] < order[blocks[0]]).ShouldBeEmpty("no form or button comes before the first update");
    }

    [Fact]
    public async Task Accepting_and_returning_are_buttons_of_the_same_weight_beside_the_comment_box()
    {
        var round = await app.CreateRoundAsync("Street Drinking");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = round.UpdateIds[0];

        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");

        var decision = queue.QuerySelector($"#update-{id} form")!;
        var buttons = decision.QuerySelectorAll("button").ToList();
        buttons.Select(b => Poppler.Squash(b.TextContent)).ShouldBe(["Accept Recommendation 1", "Return Recommendation 1 to the link officer"]);
        buttons.Select(b => b.ClassName).Distinct().Count().ShouldBe(1, "the same GOV.UK button classes");
        var box = decision.QuerySelector<IHtmlTextAreaElement>("textarea[name=Comment]")!;
        queue.QuerySelector($"label[for='{box.Id}']")!.TextContent.ShouldContain("Comment for the link officer");
    }

    [Fact]
    public async Task One_update_can_be_accepted_on_its_own()
    {
        var round = await app.CreateRoundAsync("Graffiti");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = round.UpdateIds[1];
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");

        var response = await PressAsync(officer, queue, id, "Accept", comment: "");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/rounds/{round.RoundId}/check#update-{id}");
        (await UpdatesOfAsync(round)).Select(u => u.Status).ShouldBe([UpdateStatus.Submitted, UpdateStatus.Accepted, UpdateStatus.Submitted]);
        var after = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");
        after.TextOf(".govuk-notification-banner__heading").ShouldBe("Recommendation 2a (Households) has been accepted.");
        after.QuerySelector($"#update-{id} form").ShouldBeNull("an accepted update has no decision to make");
        after.TextOf(AcceptAllForm + " button").ShouldBe("Accept all 2 submitted updates");
    }

    [Fact]
    public async Task An_update_is_returned_from_the_check_page_with_the_comment_typed_beside_it()
    {
        var round = await app.CreateRoundAsync("Dog Fouling");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = round.UpdateIds[2];
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");

        var empty = await PressAsync(officer, queue, id, "Return", comment: "");
        (await HttpClientExtensions.ParseAsync(empty)).ErrorSummary().ShouldBe([("Enter what the link officer should change", "#Comment")]);

        var response = await PressAsync(officer, queue, id, "Return", comment: "Say how many landlords replied.");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.UpdateAsync(id);
        stored.Status.ShouldBe(UpdateStatus.Returned);
        stored.ReturnComment.ShouldBe("Say how many landlords replied.");
    }

    [Fact]
    public async Task Accepting_with_a_comment_typed_is_refused_and_the_comment_is_kept()
    {
        var round = await app.CreateRoundAsync("Noise Nuisance");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = round.UpdateIds[0];
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");

        var response = await PressAsync(officer, queue, id, "Accept", comment: "Add the 2020 figures.");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.ErrorSummary().ShouldBe([(
            "You wrote a comment for the link officer about Recommendation 1. Return the update to send it, or delete the comment to accept it",
            $"#Updates_{id}__Comment")]);
        page.QuerySelector<IHtmlTextAreaElement>($"#Updates_{id}__Comment")!.Value.ShouldBe("Add the 2020 figures.");
        (await app.UpdateAsync(id)).Status.ShouldBe(UpdateStatus.Submitted);
    }

    /// <summary>Types the comment into an update's decision form on the check page and presses Accept or Return.</summary>
    private static Task<HttpResponseMessage> PressAsync(HttpClient officer, IDocument queue, int updateId, string button, string comment)
    {
        var form = queue.QuerySelector<IHtmlFormElement>($"#update-{updateId} form")!;
        var pressed = form.QuerySelectorAll("button").Single(b => b.TextContent.Trim().StartsWith(button, StringComparison.Ordinal));
        if (pressed.GetAttribute("formaction") is { Length: > 0 } formAction)
        {
            form.SetAttribute("action", formAction);
        }

        return officer.SubmitFormAsync(queue, [new("Comment", comment)], $"#update-{updateId} form");
    }

    [Fact]
    public async Task Accept_all_leaves_out_updates_that_changed_after_the_queue_was_opened()
    {
        var round = await app.CreateRoundAsync("Shoplifting");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");
        await app.WithDbAsync(async db =>
        {
            // Returned by a colleague and resubmitted with new evidence while this officer read the queue.
            (await db.ProgressUpdates.SingleAsync(u => u.Id == round.UpdateIds[2])).Evidence = "Resubmitted evidence.";
            await db.SaveChangesAsync();
        });

        await officer.SubmitFormAsync(queue, [], AcceptAllForm);

        (await UpdatesOfAsync(round)).Select(u => u.Status).ShouldBe([UpdateStatus.Accepted, UpdateStatus.Accepted, UpdateStatus.Submitted]);
        (await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check")).TextOf(".govuk-notification-banner__heading")
            .ShouldBe("2 updates accepted. 1 changed after you opened the page and was not accepted: check it again.");
    }

    [Fact]
    public async Task A_returned_update_shows_the_comment_next_to_the_action_and_can_be_fixed_and_resubmitted()
    {
        var round = await app.CreateRoundAsync("Hare Coursing");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var id = round.UpdateIds[1];
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var returnPage = await officer.GetDocumentAsync($"/updates/{id}/return");

        var empty = await HttpClientExtensions.ParseAsync(await officer.SubmitFormAsync(returnPage, [new("Comment", "")]));
        empty.ErrorSummary().ShouldBe([("Enter what the link officer should change", "#Comment")]);
        var tooLong = new string('x', 2001);
        var long_ = await HttpClientExtensions.ParseAsync(await officer.SubmitFormAsync(returnPage, [new("Comment", tooLong)]));
        long_.ErrorSummary().ShouldBe([("The comment must be 2,000 characters or fewer", "#Comment")]);
        (long_.QuerySelector<IHtmlTextAreaElement>("#Comment")!.Value == tooLong).ShouldBeTrue();
        (await app.UpdateAsync(id)).Status.ShouldBe(UpdateStatus.Submitted);

        var returned = await officer.SubmitFormAsync(returnPage, [new("Comment", "Say how many households the campaign reached.")]);

        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        returned.Headers.Location!.ToString().ShouldBe($"/rounds/{round.RoundId}/check");
        var stored = await app.UpdateAsync(id);
        stored.Status.ShouldBe(UpdateStatus.Returned);
        stored.ReturnComment.ShouldBe("Say how many households the campaign reached.");

        var linkOfficer = await SignedInAsync(DemoUsers.LinkOfficerEmail);
        var form = await linkOfficer.GetDocumentAsync(round.FormUrl);
        form.TextOf($"[data-update='{id}'] .govuk-warning-text").ShouldContain("Say how many households the campaign reached.");
        form.QuerySelectorAll("textarea[name$='.Evidence']").Select(t => t.GetAttribute("name")).ShouldBe([UpdatesTestData.Field(id, "Evidence")]);
        (await linkOfficer.GetDocumentAsync("/my-updates")).TextOf("main").ShouldContain("Say how many households the campaign reached.");

        var resubmitted = await linkOfficer.SubmitRoundAsync(form, (id, "Evidence", "The campaign reached 4,200 households."));

        resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stored = await app.UpdateAsync(id);
        stored.Status.ShouldBe(UpdateStatus.Submitted);
        stored.Evidence.ShouldBe("The campaign reached 4,200 households.");
    }

    [Fact]
    public async Task Only_a_submitted_update_can_be_returned()
    {
        var round = await app.CreateRoundAsync("Rogue Traders");
        await app.SetAnswersAsync([round.UpdateIds[0]], status: UpdateStatus.Submitted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var returnPage = await officer.GetDocumentAsync($"/updates/{round.UpdateIds[0]}/return");
        await app.SetAnswersAsync([round.UpdateIds[0]], status: UpdateStatus.Accepted);

        var response = await officer.SubmitFormAsync(returnPage, [new("Comment", "Too late.")]);

        (await HttpClientExtensions.ParseAsync(response)).ErrorSummary().Single().Text.ShouldBe("Recommendation 1 changed while you were looking at it. Check it again below");
        (await app.UpdateAsync(round.UpdateIds[0])).Status.ShouldBe(UpdateStatus.Accepted);
        (await officer.GetDocumentAsync($"/updates/{round.UpdateIds[1]}/return")).QuerySelector("main form").ShouldBeNull("a draft cannot be returned");
    }

    [Fact]
    public async Task Reopening_an_accepted_update_returns_it_to_the_link_officer_with_the_reason()
    {
        var round = await app.CreateRoundAsync("Arson");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Accepted);
        var id = round.UpdateIds[0];
        var officer = await SignedInAsync(DemoUsers.AdministratorEmail);
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");
        queue.QuerySelector($"#update-{id} a[href='/updates/{id}/reopen']").ShouldNotBeNull();
        var reopenPage = await officer.GetDocumentAsync($"/updates/{id}/reopen");

        (await HttpClientExtensions.ParseAsync(await officer.SubmitFormAsync(reopenPage, [new("Reason", " ")])))
            .ErrorSummary().ShouldBe([("Enter why the update is being reopened", "#Reason")]);
        var response = await officer.SubmitFormAsync(reopenPage, [new("Reason", "The committee asked for the 2021 figures.")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.UpdateAsync(id);
        stored.Status.ShouldBe(UpdateStatus.Returned);
        stored.ReturnComment.ShouldBe("The committee asked for the 2021 figures.");
        var linkOfficer = await SignedInAsync(DemoUsers.LinkOfficerEmail);
        (await linkOfficer.GetDocumentAsync(round.FormUrl)).TextOf($"[data-update='{id}'] .govuk-warning-text")
            .ShouldContain("The committee asked for the 2021 figures.");
    }

    [Fact]
    public async Task A_closed_round_refuses_accepting_returning_and_reopening()
    {
        var round = await app.CreateRoundAsync("Vandalism");
        await app.SetAnswersAsync(round.UpdateIds.Take(2), status: UpdateStatus.Submitted);
        await app.SetAnswersAsync(round.UpdateIds.Skip(2), status: UpdateStatus.Accepted);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var queue = await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check");
        var returnPage = await officer.GetDocumentAsync($"/updates/{round.UpdateIds[0]}/return");
        var reopenPage = await officer.GetDocumentAsync($"/updates/{round.UpdateIds[2]}/reopen");
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == round.RoundId)).Status = RoundStatus.Closed;
            await db.SaveChangesAsync();
        });

        var responses = new[]
        {
            await officer.SubmitFormAsync(queue, [], AcceptAllForm),
            await officer.SubmitFormAsync(returnPage, [new("Comment", "Too late.")]),
            await officer.SubmitFormAsync(reopenPage, [new("Reason", "Too late.")]),
        };

        foreach (var response in responses)
        {
            (await HttpClientExtensions.ParseAsync(response)).ErrorSummary().Single().Text.ShouldBe("The March 2021 round is closed, so its updates can no longer be changed");
        }

        (await UpdatesOfAsync(round)).Select(u => u.Status).ShouldBe([UpdateStatus.Submitted, UpdateStatus.Submitted, UpdateStatus.Accepted]);
        (await officer.GetDocumentAsync($"/rounds/{round.RoundId}/check")).QuerySelector(AcceptAllForm).ShouldBeNull();
    }

    [Fact]
    public async Task Link_officers_may_not_check_updates()
    {
        var round = await app.CreateRoundAsync("Knife Crime");
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);
        var linkOfficer = await SignedInAsync(DemoUsers.LinkOfficerEmail);

        foreach (var url in new[] { $"/rounds/{round.RoundId}/check", $"/updates/{round.UpdateIds[0]}/return", $"/updates/{round.UpdateIds[0]}/reopen" })
        {
            var response = await linkOfficer.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        }
    }

    [Fact]
    public async Task Checking_an_unknown_round_or_update_is_404()
    {
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        (await officer.GetAsync("/rounds/999999/check")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync("/updates/999999/return")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync("/updates/999999/reopen")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<HttpClient> SignedInAsync(string email) => app.SignedInAsync(email);

    private Task<List<ProgressUpdate>> UpdatesOfAsync(TestRound round) =>
        app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().Where(u => u.RoundId == round.RoundId).OrderBy(u => u.Id).ToListAsync());
}
