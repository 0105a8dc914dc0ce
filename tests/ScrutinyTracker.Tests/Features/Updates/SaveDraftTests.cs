using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Features.Updates.UpdatesTestData;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>Saving answers as a draft, per action and for the whole form, with and without JavaScript.</summary>
public sealed class SaveDraftTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Save_all_as_draft_stores_the_answers_exactly_as_typed()
    {
        var round = await app.CreateRoundAsync("Graffiti");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var (first, second) = (round.UpdateIds[0], round.UpdateIds[1]);
        const string evidence = "  Strategy written.\r\n\r\nAdopted by Cabinet in May.  ";

        var response = await client.SaveAllAsync(page,
            (first, "Evidence", evidence), (first, "Grade", "2"),
            (second, "Evidence", "Campaign planned."), (second, "Grade", "3"), (second, "Explanation", "Printing was late."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(round.FormUrl);
        var stored = await app.UpdateAsync(first);
        stored.Evidence.ShouldBe(evidence.ReplaceLineEndings("\n"), "line breaks are kept, as the one character the browser counted");
        stored.Grade.ShouldBe(Grade.OnTrack);
        stored.Status.ShouldBe(UpdateStatus.Draft);
        stored.UpdatedById.ShouldBe(await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.LinkOfficerEmail).Select(u => u.Id).SingleAsync()));
        (await app.UpdateAsync(second)).Explanation.ShouldBe("Printing was late.");

        var saved = await client.GetDocumentAsync(round.FormUrl);
        saved.TextOf(".govuk-notification-banner--success").ShouldContain("Your answers have been saved as a draft.");
        saved.TextareaValue(first, "Evidence").ShouldBe(evidence.ReplaceLineEndings("\n"));
        saved.QuerySelector($"input[name='{Field(second, "Grade")}'][value='3']")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public async Task An_actions_save_button_saves_and_returns_to_that_action()
    {
        var round = await app.CreateRoundAsync("Dog Fouling");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var (first, second) = (round.UpdateIds[0], round.UpdateIds[1]);

        var response = await client.SaveActionAsync(page, second, (second, "Evidence", "Campaign run."), (first, "Evidence", "Typed in another action too."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"{round.FormUrl}#action-{second}");
        (await app.UpdateAsync(second)).Evidence.ShouldBe("Campaign run.");
        (await app.UpdateAsync(first)).Evidence.ShouldBe("Typed in another action too.");
        var saved = await client.GetDocumentAsync(round.FormUrl);
        saved.TextOf($"[data-update='{second}'] [data-save-status]").ShouldStartWith("Saved at ");
        saved.TextOf($"[data-update='{first}'] [data-save-status]").ShouldBe("");
    }

    [Fact]
    public async Task Evidence_over_10000_characters_is_refused_with_a_clear_message_and_nothing_typed_is_lost()
    {
        var round = await app.CreateRoundAsync("Noise Nuisance");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var (first, second) = (round.UpdateIds[0], round.UpdateIds[1]);
        var tooLong = "Line one\r\n" + new string('x', 10_000);

        var response = await client.SaveAllAsync(page, (first, "Evidence", tooLong), (second, "Evidence", "Fine text."), (second, "Grade", "4"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await HttpClientExtensions.ParseAsync(response);
        refused.ErrorSummary().ShouldBe([("Evidence of Progress for Recommendation 1 must be 10,000 characters or fewer", $"#Updates_{first}__Evidence")]);
        (refused.TextareaValue(first, "Evidence") == tooLong).ShouldBeTrue("the text typed is shown again exactly");
        refused.TextareaValue(second, "Evidence").ShouldBe("Fine text.");
        refused.QuerySelector($"input[name='{Field(second, "Grade")}'][value='4']")!.HasAttribute("checked").ShouldBeTrue();
        refused.Title.ShouldStartWith("Error: ");
        (await app.UpdateAsync(first)).Evidence.ShouldBe("");
        (await app.UpdateAsync(second)).Evidence.ShouldBe("", "a save is all or nothing");
    }

    [Fact]
    public async Task Evidence_that_looks_like_a_script_is_shown_as_text()
    {
        var round = await app.CreateRoundAsync("Scams");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        const string script = "<script>alert(1)</script>";
        var id = round.UpdateIds[0];
        await client.SaveAllAsync(page, (id, "Evidence", script), (id, "Grade", "1"));
        await app.SetAnswersAsync(round.UpdateIds.Skip(1));
        (await client.SubmitRoundAsync(await client.GetDocumentAsync(round.FormUrl))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var officer = app.CreateBrowser();
        await officer.SignInAsync(DemoUsers.ScrutinyOfficerEmail);

        foreach (var (reader, url) in new[] { (client, round.FormUrl), (officer, $"/rounds/{round.RoundId}/check"), (officer, $"/actions/{round.ActionIds[0]}/history") })
        {
            var html = await reader.GetStringAsync(url);
            html.ShouldNotContain(script, customMessage: url);
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;", customMessage: url);
        }

        (await app.UpdateAsync(id)).Evidence.ShouldBe(script);
    }

    [Fact]
    public async Task A_background_save_answers_with_json_and_the_new_version()
    {
        var round = await app.CreateRoundAsync("Fireworks");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var id = round.UpdateIds[0];
        var version = page.QuerySelector($"input[name='{Field(id, "Version")}']")!.GetAttribute("value")!;
        var request = new HttpRequestMessage(HttpMethod.Post, $"{round.FormUrl}/{id}")
        {
            Content = new FormUrlEncodedContent([page.AntiforgeryToken(), new(Field(id, "Version"), version), new(Field(id, "Evidence"), "Saved quietly."), new(Field(id, "Grade"), "1")]),
        };
        request.Headers.Add("X-Requested-With", "fetch");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("savedAt").GetString()!.ShouldMatch(@"^\d\d:\d\d$");
        var stored = await app.UpdateAsync(id);
        stored.Evidence.ShouldBe("Saved quietly.");
        json.RootElement.GetProperty("versions").GetProperty(id.ToString()).GetGuid().ShouldBe(stored.Version);
        (await app.UpdateAsync(round.UpdateIds[1])).UpdatedAtUtc.ShouldBeNull("only the action posted is saved");
    }

    [Fact]
    public async Task A_background_save_that_is_refused_answers_with_the_reason()
    {
        var round = await app.CreateRoundAsync("Littering");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var id = round.UpdateIds[0];
        var request = new HttpRequestMessage(HttpMethod.Post, $"{round.FormUrl}/{id}")
        {
            Content = new FormUrlEncodedContent([page.AntiforgeryToken(), new(Field(id, "Version"), Guid.NewGuid().ToString()), new(Field(id, "Evidence"), "Stale.")]),
        };
        request.Headers.Add("X-Requested-With", "fetch");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Someone else saved Recommendation 1 while you were editing it");
        (await app.UpdateAsync(id)).Evidence.ShouldBe("");
    }

    [Fact]
    public async Task Evidence_that_fits_the_character_count_fits_the_server_whatever_its_line_breaks()
    {
        var round = await app.CreateRoundAsync("Street Lighting");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var first = round.UpdateIds[0];
        // 9,999 characters as the counter counts them, 10,098 as posted with CRLF line breaks.
        var evidence = string.Join("\r\n", Enumerable.Repeat(new string('x', 99), 100));

        var response = await client.SaveAllAsync(page, (first, "Evidence", evidence));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateAsync(first)).Evidence.Length.ShouldBe(10_000 - 1);
    }
}
