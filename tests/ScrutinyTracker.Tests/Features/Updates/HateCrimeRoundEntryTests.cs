using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>
/// The link officer types the council's Hate Crime update (March 2020) into the round form as the document
/// has it: evidence and grade for each of the 16 actions, and no separate explanation, since the evidence
/// of its grade 3 and 4 actions carries it.
/// </summary>
public static class HateCrimeRound
{
    /// <summary>The Hate Crime plan under <paramref name="title"/>, with an open round of empty drafts; the round's id.</summary>
    public static Task<int> ArrangeAsync(ScrutinyAppFactory app, string title) => app.WithDbAsync(async db =>
    {
        var committee = await db.SelectCommittees.OrderBy(c => c.Id).FirstAsync();
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var officer = await db.Users.SingleAsync(u => u.Email == DemoUsers.ScrutinyOfficerEmail);
        var review = DemoDataSeeder.HateCrime(SeedDocument.LoadHateCrime(), committee, linkOfficer, officer);
        review.Title = title;
        var round = review.Rounds.Single();
        round.Status = RoundStatus.Open;
        round.ClosedAtUtc = null;
        foreach (var update in review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates))
        {
            (update.Evidence, update.Grade, update.Status) = ("", null, UpdateStatus.Draft);
            (update.SubmittedById, update.SubmittedAtUtc, update.ReviewedById, update.ReviewedAtUtc) = (null, null, null, null);
        }

        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return round.Id;
    });

    /// <summary>The document's answers in document order, as the round form shows its actions.</summary>
    public static IReadOnlyList<SeedAction> Answers() => SeedDocument.LoadHateCrime().Recommendations
        .SelectMany(r => (r.Actions ?? []).Concat((r.Parts ?? []).SelectMany(p => p.Actions)))
        .ToList();

    /// <summary>Fills in every action's evidence and grade, nothing else, and presses Submit.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient linkOfficer, int roundId)
    {
        var form = await linkOfficer.GetDocumentAsync($"/rounds/{roundId}/updates");
        var ids = form.QuerySelectorAll("[data-update]").Select(b => int.Parse(b.GetAttribute("data-update")!)).ToList();
        var answers = Answers();
        ids.Count.ShouldBe(answers.Count);
        var values = ids.Zip(answers).SelectMany(pair => new[]
        {
            (pair.First, "Evidence", pair.Second.Evidence!),
            (pair.First, "Grade", pair.Second.Grade!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }).ToArray();
        return await linkOfficer.SubmitRoundAsync(form, values);
    }
}

public sealed class HateCrimeRoundEntryTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task The_council_document_goes_in_as_it_is_with_no_explanation_for_its_grades_3_and_4()
    {
        var roundId = await HateCrimeRound.ArrangeAsync(app, "Hate Crime (round form)");
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        var form = await linkOfficer.GetDocumentAsync($"/rounds/{roundId}/updates");
        form.QuerySelector("[id$='__Explanation-hint']")!.TextContent.ShouldStartWith("Optional.");

        var response = await HateCrimeRound.SubmitAsync(linkOfficer, roundId);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "every action has evidence and a grade, which is all the document gives");
        var stored = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking()
            .Where(u => u.RoundId == roundId)
            .OrderBy(u => u.PlanAction!.Recommendation!.Position)
            .ThenBy(u => u.PlanAction!.Part == null ? -1 : u.PlanAction.Part.Position)
            .ThenBy(u => u.PlanAction!.Position)
            .Select(u => new { u.Evidence, u.Grade, u.Explanation, u.Status })
            .ToListAsync());
        stored.Select(u => (u.Evidence, (int?)u.Grade)).ShouldBe(HateCrimeRound.Answers().Select(a => (a.Evidence!, a.Grade)));
        stored.ShouldAllBe(u => u.Status == UpdateStatus.Submitted && u.Explanation == null);
        stored.Select(u => u.Grade).ShouldContain(Grade.Slipped);
        stored.Select(u => u.Grade).ShouldContain(Grade.NotAchieved);
    }
}

/// <summary>The same document, at a council that requires an explanation for grades 3 and 4.</summary>
public sealed class HateCrimeRoundEntryWithExplanationsRequiredTests(ExplanationRequiredAppFactory app) : IClassFixture<ExplanationRequiredAppFactory>
{
    [Fact]
    public async Task Submit_asks_for_the_explanation_of_each_grade_3_and_4_and_submits_nothing()
    {
        var roundId = await HateCrimeRound.ArrangeAsync(app, "Hate Crime (explanations required)");
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        (await linkOfficer.GetDocumentAsync($"/rounds/{roundId}/updates")).QuerySelector("[id$='__Explanation-hint']")!.TextContent
            .ShouldBe("Needed for 3 – Slipped and 4 – Not Achieved");

        var response = await HateCrimeRound.SubmitAsync(linkOfficer, roundId);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = (await HttpClientExtensions.ParseAsync(response)).ErrorSummary().Select(e => e.Text).ToList();
        errors.Count.ShouldBe(2, string.Join("; ", errors));
        errors[0].ShouldStartWith("Explain why Recommendation 1b");
        errors[0].ShouldEndWith("is graded 4 – Not Achieved");
        errors[1].ShouldBe("Explain why Recommendation 1c is graded 3 – Slipped");
        (await app.WithDbAsync(db => db.ProgressUpdates.Where(u => u.RoundId == roundId).Select(u => u.Status).Distinct().ToListAsync()))
            .ShouldBe([UpdateStatus.Draft]);
    }
}
