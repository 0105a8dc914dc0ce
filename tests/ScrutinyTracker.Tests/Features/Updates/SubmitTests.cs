using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>Submitting a round's updates to the scrutiny officer.</summary>
public sealed class SubmitTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Submit_is_refused_while_incomplete_listing_what_is_missing_and_keeps_the_answers_as_drafts()
    {
        var round = await app.CreateRoundAsync("Fly-posting");
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var page = await client.GetDocumentAsync(round.FormUrl);
        var (first, second, third) = (round.UpdateIds[0], round.UpdateIds[1], round.UpdateIds[2]);

        var response = await client.SubmitRoundAsync(page, (first, "Evidence", "Strategy written."), (third, "Grade", "1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await HttpClientExtensions.ParseAsync(response);
        refused.ErrorSummary().ShouldBe(
        [
            ("Select the Assessment of Progress for Recommendation 1", $"#Updates_{first}__Grade"),
            ("Enter the Evidence of Progress for Recommendation 2a (Households)", $"#Updates_{second}__Evidence"),
            ("Select the Assessment of Progress for Recommendation 2a (Households)", $"#Updates_{second}__Grade"),
            ("Enter the Evidence of Progress for Recommendation 2a (Landlords)", $"#Updates_{third}__Evidence"),
        ]);
        refused.QuerySelector($"#Updates_{first}__Grade").ShouldNotBeNull("the summary links to the first radio");
        refused.TextareaValue(first, "Evidence").ShouldBe("Strategy written.");
        var stored = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().Where(u => u.RoundId == round.RoundId).ToListAsync());
        stored.ShouldAllBe(u => u.Status == UpdateStatus.Draft);
        stored.Single(u => u.Id == first).Evidence.ShouldBe("Strategy written.");
        stored.Single(u => u.Id == third).Grade.ShouldBe(Grade.FullyAchieved);

        (await client.SaveAllAsync(refused)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the page shown carries the saved versions");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("4")]
    public async Task Grades_3_and_4_are_submitted_without_an_explanation_by_default(string grade)
    {
        var round = await app.CreateRoundAsync($"Unexplained {grade}");
        await app.SetAnswersAsync(round.UpdateIds.Skip(1));
        var client = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        var id = round.UpdateIds[0];

        var response = await client.SubmitRoundAsync(await client.GetDocumentAsync(round.FormUrl), (id, "Evidence", "Delayed: the contractor went into administration."), (id, "Grade", grade));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.UpdateAsync(id);
        stored.Status.ShouldBe(UpdateStatus.Submitted);
        stored.Explanation.ShouldBeNull();
    }

    [Fact]
    public async Task A_complete_round_is_submitted_and_then_shown_read_only()
    {
        var round = await app.CreateRoundAsync("Abandoned Vehicles");
        await app.SetAnswersAsync(round.UpdateIds.Skip(1));
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var id = round.UpdateIds[0];

        var response = await client.SubmitRoundAsync(await client.GetDocumentAsync(round.FormUrl), (id, "Evidence", "Done."), (id, "Grade", "1"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(round.FormUrl);
        var updates = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().Where(u => u.RoundId == round.RoundId).ToListAsync());
        updates.ShouldAllBe(u => u.Status == UpdateStatus.Submitted && u.SubmittedAtUtc != null && u.SubmittedById != null);
        var page = await client.GetDocumentAsync(round.FormUrl);
        page.TextOf(".govuk-notification-banner--success").ShouldContain("have been sent to the scrutiny officer");
        page.QuerySelectorAll("textarea").Length.ShouldBe(0);
        page.QuerySelector("button[formaction$='/submit']").ShouldBeNull();
    }
}

/// <summary>Submitting at a council that requires an explanation for grades 3 and 4.</summary>
public sealed class SubmitWithExplanationsRequiredTests(ExplanationRequiredAppFactory app) : IClassFixture<ExplanationRequiredAppFactory>
{
    [Theory]
    [InlineData("3", "3 – Slipped")]
    [InlineData("4", "4 – Not Achieved")]
    public async Task Grades_3_and_4_need_an_explanation_before_submitting(string grade, string words)
    {
        var round = await app.CreateRoundAsync($"Explained {grade}");
        await app.SetAnswersAsync(round.UpdateIds.Skip(1));
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);
        var id = round.UpdateIds[0];

        var refused = await client.SubmitRoundAsync(await client.GetDocumentAsync(round.FormUrl), (id, "Evidence", "Delayed."), (id, "Grade", grade));

        (await HttpClientExtensions.ParseAsync(refused)).ErrorSummary()
            .ShouldBe([($"Explain why Recommendation 1 is graded {words}", $"#Updates_{id}__Explanation")]);
        (await app.UpdateAsync(id)).Status.ShouldBe(UpdateStatus.Draft);

        var accepted = await client.SubmitRoundAsync(await client.GetDocumentAsync(round.FormUrl), (id, "Explanation", "The contractor went into administration."));

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.UpdateAsync(id)).Explanation.ShouldBe("The contractor went into administration.");
    }
}
