using System.Net;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>Two people editing the same action: the second save is refused and nobody's text is lost.</summary>
public sealed class ConcurrencyTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task The_second_save_of_the_same_action_is_refused_showing_both_texts()
    {
        var round = await app.CreateRoundAsync("Cycle Theft");
        var id = round.UpdateIds[0];
        var linkOfficer = app.CreateBrowser();
        await linkOfficer.SignInAsync(DemoUsers.LinkOfficerEmail);
        var scrutinyOfficer = app.CreateBrowser();
        await scrutinyOfficer.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
        var linkOfficersPage = await linkOfficer.GetDocumentAsync(round.FormUrl);
        var scrutinyOfficersPage = await scrutinyOfficer.GetDocumentAsync(round.FormUrl);

        (await linkOfficer.SaveAllAsync(linkOfficersPage, (id, "Evidence", "Marc's evidence."), (id, "Grade", "1")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await scrutinyOfficer.SaveActionAsync(scrutinyOfficersPage, id, (id, "Evidence", "Sam's evidence."), (id, "Grade", "2"));

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var conflict = await HttpClientExtensions.ParseAsync(second);
        conflict.ErrorSummary().ShouldBe([("Someone else saved Recommendation 1 while you were editing it. Compare their answers with yours, then save again to keep yours", $"#Updates_{id}__Evidence")]);
        conflict.TextareaValue(id, "Evidence").ShouldBe("Sam's evidence.");
        conflict.QuerySelector($"input[name='Updates[{id}].Grade'][value='2']")!.HasAttribute("checked").ShouldBeTrue();
        var theirs = conflict.QuerySelector($"[data-update='{id}'] .govuk-inset-text")!;
        theirs.TextContent.ShouldContain("Marc Stephenson saved this action");
        theirs.TextContent.ShouldContain("Marc's evidence.");
        theirs.TextContent.ShouldContain("1 Fully Achieved");
        var stored = await app.UpdateAsync(id);
        stored.Evidence.ShouldBe("Marc's evidence.");

        (await scrutinyOfficer.SaveAllAsync(conflict)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "saving again keeps the second person's text");
        stored = await app.UpdateAsync(id);
        stored.Evidence.ShouldBe("Sam's evidence.");
        stored.Grade.ShouldBe(Grade.OnTrack);
    }

    [Fact]
    public async Task Saving_the_form_unchanged_after_someone_else_saved_another_action_is_not_a_conflict()
    {
        var round = await app.CreateRoundAsync("Speeding");
        var (first, second) = (round.UpdateIds[0], round.UpdateIds[1]);
        var one = app.CreateBrowser();
        await one.SignInAsync(DemoUsers.LinkOfficerEmail);
        var other = app.CreateBrowser();
        await other.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
        var onesPage = await one.GetDocumentAsync(round.FormUrl);
        (await other.SaveAllAsync(await other.GetDocumentAsync(round.FormUrl), (second, "Evidence", "Saved by the officer.")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.WithDbAsync(async db =>
        {
            // What the other person saved, as a browser would post it back: line breaks as CR LF.
            var update = await db.ProgressUpdates.FindAsync(second);
            update!.Evidence = "Saved by\nthe officer.";
            await db.SaveChangesAsync();
        });
        onesPage = await one.GetDocumentAsync(round.FormUrl);

        var response = await one.SaveAllAsync(onesPage, (first, "Evidence", "Only this changed."), (second, "Evidence", "Saved by\r\nthe officer."));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateAsync(first)).Evidence.ShouldBe("Only this changed.");
        (await app.UpdateAsync(second)).Evidence.ShouldBe("Saved by\nthe officer.", "text sent back unchanged is not a change");
    }

    [Fact]
    public async Task Changes_to_an_update_submitted_meanwhile_are_refused_and_shown_back()
    {
        var round = await app.CreateRoundAsync("Begging");
        var id = round.UpdateIds[0];
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        await app.SetAnswersAsync(round.UpdateIds, status: UpdateStatus.Submitted);

        var response = await client.SaveAllAsync(page, (id, "Evidence", "Typed in an old tab."));

        var refused = await HttpClientExtensions.ParseAsync(response);
        refused.ErrorSummary()[0].ShouldBe(("Recommendation 1 was submitted while you had this page open, so your answers to it were not saved", $"#action-{id}"));
        refused.TextOf($"[data-update='{id}'] .govuk-inset-text .app-preserve-lines").ShouldBe("Typed in an old tab.");
        (await app.UpdateAsync(id)).Evidence.ShouldBe($"Evidence for update {id}.");
    }
}
