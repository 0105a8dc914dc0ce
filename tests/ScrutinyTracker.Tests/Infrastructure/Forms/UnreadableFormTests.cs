using AngleSharp.Dom;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using static ScrutinyTracker.Tests.Features.Updates.UpdatesTestData;

namespace ScrutinyTracker.Tests.Infrastructure.Forms;

public sealed class UnreadableFormTestsInDevelopment(ScrutinyAppFactory app) : UnreadableFormTests<ScrutinyAppFactory>(app);

public sealed class UnreadableFormTestsInProduction(ProductionAppFactory app) : UnreadableFormTests<ProductionAppFactory>(app);

/// <summary>
/// Forms the server cannot read, or text it cannot store: a real status and a page that says what
/// happened and how to get the text back, never "HTTP/1.1 0"; the same in Development and Production.
/// </summary>
public abstract class UnreadableFormTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ScrutinyAppFactory
{
    private const string LinkOfficer = "forms.link.officer@example.gov.uk";
    private const string Officer = "forms.officer@example.gov.uk";

    /// <summary>A round of the link officer's own, signed in, with the form page read (Production has no demo data).</summary>
    private async Task<(HttpClient Client, TestRound Round, AngleSharp.Dom.IDocument Page)> RoundFormAsync(string title)
    {
        await app.WithDbAsync(async db =>
        {
            if (!await db.SelectCommittees.AnyAsync())
            {
                db.SelectCommittees.Add(new SelectCommittee { Name = "Forms Select Committee", NormalizedName = "FORMS SELECT COMMITTEE" });
                await db.SaveChangesAsync();
            }
        });
        if (!await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == LinkOfficer)))
        {
            await app.CreateUserAsync(LinkOfficer, "Forms Link Officer", Roles.LinkOfficer);
            await app.CreateUserAsync(Officer, "Forms Officer", Roles.ScrutinyOfficer);
        }

        var round = await app.CreateRoundAsync(title, LinkOfficer);
        var client = await app.SignedInAsync(LinkOfficer);
        return (client, round, await client.GetDocumentAsync(round.FormUrl));
    }

    [Fact]
    public async Task A_NUL_in_evidence_comes_back_in_its_field_without_it_with_the_fields_own_message_and_nothing_saved()
    {
        var (client, round, page) = await RoundFormAsync("NUL evidence");
        var (first, second) = (round.UpdateIds[0], round.UpdateIds[1]);

        var response = await client.SaveAllAsync(page, (first, "Evidence", "Strategy\0 written.\u0007"), (second, "Evidence", "Campaign run."));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await HttpClientExtensions.ParseAsync(response);
        refused.Title.ShouldStartWith("Error: ");
        refused.ErrorSummary().ShouldBe([(
            "Evidence of Progress contained characters that cannot be saved, such as control characters copied from another program. They have been removed: check the text, then save again",
            $"#Updates_{first}__Evidence")]);
        refused.TextareaValue(first, "Evidence").ShouldBe("Strategy written.");
        refused.TextareaValue(second, "Evidence").ShouldBe("Campaign run.");
        (await app.UpdateAsync(first)).Evidence.ShouldBe("");
        (await app.UpdateAsync(second)).Evidence.ShouldBe("", "a save is all or nothing");

        var again = await client.SaveAllAsync(refused);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateAsync(first)).Evidence.ShouldBe("Strategy written.");
    }

    [Fact]
    public async Task A_background_save_with_a_control_character_lists_the_message()
    {
        var (client, round, page) = await RoundFormAsync("NUL background");
        var id = round.UpdateIds[0];
        var values = new Dictionary<string, string>
        {
            [page.AntiforgeryToken().Key] = page.AntiforgeryToken().Value,
            [Field(id, "Version")] = (await app.UpdateAsync(id)).Version.ToString(),
            [Field(id, "Evidence")] = "Escape\u001b[2J pasted",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{round.FormUrl}/{id}") { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("X-Requested-With", "fetch");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Evidence of Progress contained characters that cannot be saved");
    }

    [Fact]
    public async Task Control_characters_get_the_same_rule_on_other_forms()
    {
        await RoundFormAsync("Other forms");
        var officer = await app.SignedInAsync(Officer);

        var response = await officer.SubmitFormAsync("/select-committees", [new("Form.Name", "Audit\u0000 Committee")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        page.TextOf("#Form_Name-error").ShouldContain("Name contained characters that cannot be saved");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Name")!.Value.ShouldBe("Audit Committee");
    }

    [Fact]
    public async Task A_body_over_10_MB_gets_413_with_a_page_that_says_the_limit()
    {
        var (client, round, page) = await RoundFormAsync("Oversize");
        var body = $"{page.AntiforgeryToken().Key}={Uri.EscapeDataString(page.AntiforgeryToken().Value)}&{Uri.EscapeDataString(Field(round.UpdateIds[0], "Evidence"))}="
            + new string('x', 10 * 1024 * 1024);

        var response = await client.PostAsync(round.FormUrl, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var shown = await HttpClientExtensions.ParseAsync(response);
        shown.TextOf("h1").ShouldBe("What you sent is too large to save");
        shown.TextOf("main").ShouldContain("Nothing you sent has been saved.");
        shown.TextOf("main").ShouldContain("at most 10 MB");
        shown.Title!.ShouldNotContain("Error:");
    }

    [Fact]
    public async Task A_form_of_1025_fields_gets_400_with_a_page_saying_nothing_was_saved_and_how_to_get_it_back()
    {
        var (client, round, page) = await RoundFormAsync("Many fields");
        var fields = Enumerable.Range(0, 1024).Select(i => new KeyValuePair<string, string>($"extra{i}", "x")).Prepend(page.AntiforgeryToken());
        var request = new HttpRequestMessage(HttpMethod.Post, round.FormUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Referrer = new Uri(client.BaseAddress!, round.FormUrl);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var shown = await HttpClientExtensions.ParseAsync(response);
        shown.TextOf("h1").ShouldBe("What you sent could not be read");
        shown.TextOf("main").ShouldContain("more than 1,024 fields");
        shown.TextOf("main").ShouldContain("keeps a copy of answers you have not saved in this browser tab");
        shown.QuerySelector("main a[href='" + round.FormUrl + "']")!.TextContent.ShouldBe("Go back to the page you were on");
    }

    [Fact]
    public async Task A_truncated_form_gets_400_with_a_clear_page()
    {
        var (client, round, page) = await RoundFormAsync("Truncated");
        var body = "--cut\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n" + page.AntiforgeryToken().Value
            + "\r\n--cut\r\nContent-Disposition: form-data; name=\"" + Field(round.UpdateIds[0], "Evidence") + "\"\r\n\r\nThe connection dropped half way thro";
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var response = await client.PostAsync(round.FormUrl, content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var shown = await HttpClientExtensions.ParseAsync(response);
        shown.TextOf("h1").ShouldBe("What you sent could not be read");
        shown.TextOf("main").ShouldContain("arrived incomplete");
    }

    [Fact]
    public async Task A_form_from_a_page_of_someone_elses_session_gets_400_with_a_page_saying_it_had_expired_and_how_to_get_the_text_back()
    {
        var (client, round, page) = await RoundFormAsync("Expired");
        var other = await app.SignedInAsync(Officer);
        var othersToken = (await other.GetDocumentAsync("/account/change-password")).AntiforgeryToken();
        var request = new HttpRequestMessage(HttpMethod.Post, round.FormUrl)
        {
            Content = new FormUrlEncodedContent([othersToken, new(Field(round.UpdateIds[0], "Evidence"), "Typed before the page expired.")]),
        };
        request.Headers.Referrer = new Uri(client.BaseAddress!, round.FormUrl);

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var shown = await HttpClientExtensions.ParseAsync(response);
        shown.TextOf("h1").ShouldBe("The page you sent it from had expired");
        shown.TextOf("main").ShouldContain("Nothing you sent has been saved.");
        shown.TextOf("main").ShouldContain("keeps a copy of answers you have not saved in this browser tab");
        shown.QuerySelector("main a[href='" + round.FormUrl + "']")!.TextContent.ShouldBe("Go back to the page you were on");
        (await app.UpdateAsync(round.UpdateIds[0])).Evidence.ShouldBe("");
    }

    [Fact]
    public async Task The_error_page_for_a_failed_post_takes_its_status_from_the_path_not_from_the_posted_form()
    {
        var (client, round, _) = await RoundFormAsync("Status code");

        var response = await client.PostAsync(round.FormUrl, new FormUrlEncodedContent([new("statusCode", "200"), new(Field(round.UpdateIds[0], "Evidence"), "No token")]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the antiforgery check refused it; a posted statusCode=200 must not turn that into 200");
        (await app.UpdateAsync(round.UpdateIds[0])).Evidence.ShouldBe("");
    }
}
