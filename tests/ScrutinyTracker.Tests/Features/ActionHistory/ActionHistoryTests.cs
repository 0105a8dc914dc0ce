using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.ActionHistory;

/// <summary>The audit trail of an action and its updates: every kind of change, in plain words, read-only.</summary>
public sealed class ActionHistoryTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Every_kind_of_change_to_an_action_and_its_updates_is_recorded_and_shown_in_plain_words()
    {
        var round = await app.CreateRoundAsync("Modern Slavery");
        await app.SetAnswersAsync(round.UpdateIds.Skip(1));
        var id = round.UpdateIds[0];
        var linkOfficer = await SignedInAsync(DemoUsers.LinkOfficerEmail);
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        await linkOfficer.SaveAllAsync(await linkOfficer.GetDocumentAsync(round.FormUrl), (id, "Evidence", "Strategy drafted."), (id, "Grade", "2"));
        await linkOfficer.SaveAllAsync(await linkOfficer.GetDocumentAsync(round.FormUrl), (id, "Grade", "3"), (id, "Explanation", "Consultation ran late."));
        await linkOfficer.SubmitRoundAsync(await linkOfficer.GetDocumentAsync(round.FormUrl));
        await officer.SubmitFormAsync($"/updates/{id}/return", [new("Comment", "Give the new date.")]);
        await linkOfficer.SubmitRoundAsync(await linkOfficer.GetDocumentAsync(round.FormUrl), (id, "Explanation", "Consultation ran late; now due in June."));
        await officer.SubmitFormAsync($"/rounds/{round.RoundId}/check", [], "main form[action$='/accept-all']");
        await officer.SubmitFormAsync($"/updates/{id}/reopen", [new("Reason", "Committee asked for the June figures.")]);
        await app.WithDbAsync(async db =>
        {
            (await db.PlanActions.SingleAsync(a => a.Id == round.ActionIds[0])).AgreedAction = "Write and adopt the strategy.";
            await db.SaveChangesAsync();
        });

        var page = await officer.GetDocumentAsync($"/actions/{round.ActionIds[0]}/history");

        page.TextOf("h1").ShouldBe("History of Recommendation 1");
        var rows = page.QuerySelectorAll("main tbody tr").Select(Row).ToList();
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Evidence of Progress", "(blank)", "Strategy drafted."));
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Assessment of Progress", "(blank)", "2 – On-Track"));
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Assessment of Progress", "2 – On-Track", "3 – Slipped"));
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Explanation", "(blank)", "Consultation ran late."));
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Status", "Draft", "Submitted"));
        rows.ShouldContain(("Sam Scrutiny", "March 2021 update: Status", "Submitted", "Returned"));
        rows.ShouldContain(("Sam Scrutiny", "March 2021 update: Scrutiny officer's comment", "(blank)", "Give the new date."));
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Explanation", "Consultation ran late.", "Consultation ran late; now due in June."));
        rows.ShouldContain(("Marc Stephenson", "March 2021 update: Status", "Returned", "Submitted"));
        rows.ShouldContain(("Sam Scrutiny", "March 2021 update: Status", "Submitted", "Accepted"));
        rows.ShouldContain(("Sam Scrutiny", "March 2021 update: Status", "Accepted", "Returned"));
        rows.ShouldContain(("Sam Scrutiny", "March 2021 update: Scrutiny officer's comment", "Give the new date.", "Committee asked for the June figures."));
        rows.ShouldContain(("System", "Action plan: Agreed Action", "Write the strategy.", "Write and adopt the strategy."));
        rows.ShouldNotContain(r => r.What.Contains("UpdatedAtUtc") || r.What.Contains("Version"), "bookkeeping fields are left out");
        rows[0].What.ShouldBe("Action plan: Agreed Action", "newest first");

        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.PlanActionId == round.ActionIds[0] && e.EntityType == nameof(ProgressUpdate) && e.Field == nameof(ProgressUpdate.Status))
            .OrderBy(e => e.Id).Select(e => e.OldValue + " → " + e.NewValue).ToListAsync());
        audited.ShouldBe([" → Draft", "Draft → Submitted", "Submitted → Returned", "Returned → Submitted", "Submitted → Accepted", "Accepted → Returned"]);
    }

    [Fact]
    public async Task The_history_is_read_only_and_for_scrutiny_officers_and_administrators()
    {
        var round = await app.CreateRoundAsync("County Lines");
        var url = $"/actions/{round.ActionIds[0]}/history";

        foreach (var email in new[] { DemoUsers.ScrutinyOfficerEmail, DemoUsers.AdministratorEmail })
        {
            var page = await (await SignedInAsync(email)).GetDocumentAsync(url);
            page.QuerySelectorAll("main form").Length.ShouldBe(0, email);
            page.QuerySelectorAll("main input, main textarea, main button").Length.ShouldBe(0, email);
        }

        foreach (var email in new[] { DemoUsers.LinkOfficerEmail, DemoUsers.CommitteeMemberEmail })
        {
            var response = await (await SignedInAsync(email)).GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, email);
            response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        }

        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        (await officer.PostAsync(url, new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await officer.GetAsync("/actions/999999/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_seeded_hate_crime_actions_show_their_grades_as_number_and_words()
    {
        var actionId = await app.WithDbAsync(db => db.ProgressUpdates
            .Where(u => u.Round!.Review!.Title == "Hate Crime" && u.Grade == Grade.NotAchieved)
            .Select(u => u.PlanActionId).FirstAsync());
        var officer = await SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var page = await officer.GetDocumentAsync($"/actions/{actionId}/history");

        page.QuerySelectorAll("main tbody tr").Select(Row)
            .ShouldContain(("System", "March 2020 update: Assessment of Progress", "(blank)", "4 – Not Achieved"));
    }

    private static (string Who, string What, string Before, string After) Row(IElement row)
    {
        var cells = row.Children.ToList();
        return (cells[1].TextContent.Trim(), cells[2].FirstChild!.TextContent.Trim(), cells[3].TextContent.Trim(), cells[4].TextContent.Trim());
    }

    private Task<HttpClient> SignedInAsync(string email) => app.SignedInAsync(email);
}
