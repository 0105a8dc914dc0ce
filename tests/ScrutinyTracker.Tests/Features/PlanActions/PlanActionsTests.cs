using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.PlanActions;

public sealed class PlanActionsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly Dictionary<string, string> ValidAction = new()
    {
        ["Heading"] = "Frontline staff",
        ["Responsibility"] = "All Stockton hate crime group members",
        ["TargetDate"] = "August 2019",
        ["AgreedAction"] = "Awareness sessions for frontline staff on hate crime across partnerships.",
        ["SuccessMeasure"] = "Co-ordinate a range of training sessions.",
    };

    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private async Task<(int ReviewId, int RecommendationId, int PartId)> PartAsync(string title, Action<Review>? configure = null)
    {
        var reviewId = await app.AddReviewAsync(title, new(2024, 2), review =>
        {
            var recommendation = Recommendation(1, "That the group incorporate:");
            recommendation.Parts.Add(new RecommendationPart { Letter = "a", Position = 0, Text = "targeted awareness raising for:" });
            review.Recommendations.Add(recommendation);
            configure?.Invoke(review);
        });
        var ids = await app.WithDbAsync(db => db.RecommendationParts.Where(p => p.Recommendation!.ReviewId == reviewId)
            .Select(p => new { p.RecommendationId, p.Id }).SingleAsync());
        return (reviewId, ids.RecommendationId, ids.Id);
    }

    private static string NewActionUrl(int reviewId, int recommendationId, int partId) =>
        $"/reviews/{reviewId}/plan/recommendations/{recommendationId}/actions/new?partId={partId}";

    private Task<List<PlanAction>> ActionsOfPartAsync(int partId) =>
        app.WithDbAsync(db => db.PlanActions.AsNoTracking().Include(a => a.Updates).Where(a => a.PartId == partId).OrderBy(a => a.Position).ToListAsync());

    [Fact]
    public async Task An_empty_action_says_what_each_field_needs_in_page_order()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Empty action");
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), []);

        var page = await HttpClientExtensions.ParseAsync(response);
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())
            .ShouldBe(["Enter who is responsible", "Enter the date", "Enter the agreed action", "Enter the agreed success measure"]);
        page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href"))
            .ShouldBe(["#Responsibility", "#TargetDate", "#AgreedAction", "#SuccessMeasure"]);
        (await ActionsOfPartAsync(partId)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Heading", 301, "Column heading must be 300 characters or fewer")]
    [InlineData("Responsibility", 501, "Responsibility must be 500 characters or fewer")]
    [InlineData("TargetDate", 101, "Date must be 100 characters or fewer")]
    [InlineData("AgreedAction", 4001, "Agreed action must be 4,000 characters or fewer")]
    [InlineData("SuccessMeasure", 4001, "Agreed success measure must be 4,000 characters or fewer")]
    public async Task Over_long_answers_are_refused_with_a_message(string field, int length, string message)
    {
        var (reviewId, recommendationId, partId) = await PartAsync($"Long {field}");
        var client = await OfficerAsync();
        var answers = new Dictionary<string, string>(ValidAction) { [field] = new string('x', length) };

        var response = await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), answers);

        var page = await HttpClientExtensions.ParseAsync(response);
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ShouldBe([message]);
        page.TextOf($"#{field}-error").ShouldBe($"Error: {message}");
        (await ActionsOfPartAsync(partId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_action_added_to_a_part_becomes_its_next_column_and_keeps_the_date_as_written()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Columns");
        var client = await OfficerAsync();

        await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), ValidAction);
        var response = await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId),
            new Dictionary<string, string>(ValidAction) { ["Heading"] = "", ["TargetDate"] = "Reviewed throughout the year 2019" });

        response.Headers.Location!.ToString().ShouldBe($"/reviews/{reviewId}/plan#part-{partId}");
        var actions = await ActionsOfPartAsync(partId);
        actions.Select(a => (a.Heading, a.TargetDate, a.DueMonth, a.Position))
            .ShouldBe([("Frontline staff", "August 2019", new YearMonth(2019, 8), 0), (null, "Reviewed throughout the year 2019", null, 1)]);
        actions.ShouldAllBe(a => a.RecommendationId == recommendationId && a.Updates.Count == 0);
    }

    [Fact]
    public async Task An_action_added_while_a_round_is_open_gets_an_update_in_that_round()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Open round", review =>
            review.Rounds.Add(new Round { Label = "February 2025", DueDate = new(2025, 2, 28) }));
        var client = await OfficerAsync();

        await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), ValidAction);

        var update = (await ActionsOfPartAsync(partId)).ShouldHaveSingleItem().Updates.ShouldHaveSingleItem();
        update.Status.ShouldBe(UpdateStatus.Draft);
        (await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == update.RoundId).Select(r => r.ReviewId).SingleAsync())).ShouldBe(reviewId);
    }

    [Fact]
    public async Task An_update_added_to_an_open_round_renews_the_rounds_version_so_a_close_read_before_it_fails()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Open round closing", review =>
            review.Rounds.Add(new Round { Label = "February 2025", DueDate = new(2025, 2, 28) }));
        var before = await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId).Select(r => r.Version).SingleAsync());
        var client = await OfficerAsync();

        await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), ValidAction);

        (await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId).Select(r => r.Version).SingleAsync()))
            .ShouldNotBe(before, "closing the round checks its version, so a close that counted the updates before this one is refused");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(ExecutiveDecision.NotAccepted, false)]
    [InlineData(ExecutiveDecision.Accepted, true)]
    public async Task An_action_added_while_a_round_is_open_gets_no_update_unless_its_recommendation_is_monitored(ExecutiveDecision? decision, bool closed)
    {
        var reviewId = await app.AddReviewAsync($"Open round, {decision?.ToString() ?? "no response"}, {(closed ? "closed" : "open")}", new(2024, 2), review =>
        {
            review.Recommendations.Add(Recommendation(1, "Monitored.", Action("Already asked about")));
            var other = Recommendation(2, "Not monitored.", decision);
            other.MonitoringClosedOn = closed ? new DateOnly(2025, 1, 10) : null;
            review.Recommendations.Add(other);
            review.Rounds.Add(new Round { Label = "February 2025", DueDate = new(2025, 2, 28) });
        });
        var recommendationId = await app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == reviewId && r.Number == 2).Select(r => r.Id).SingleAsync());
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{reviewId}/plan/recommendations/{recommendationId}/actions/new", ValidAction);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PlanActions.Where(a => a.RecommendationId == recommendationId).SelectMany(a => a.Updates).CountAsync()))
            .ShouldBe(0, "a recommendation the round would not ask about gets no update: the link officer could not submit without it");
    }

    [Fact]
    public async Task Moving_an_action_right_swaps_it_with_the_next_column()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Moving actions");
        var client = await OfficerAsync();
        await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), ValidAction);
        await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), new Dictionary<string, string>(ValidAction) { ["Heading"] = "Younger men" });
        var firstAction = (await ActionsOfPartAsync(partId))[0].Id;

        var plan = await client.GetDocumentAsync($"/reviews/{reviewId}/plan");
        await client.SubmitFormAsync(plan, [new("direction", "Later")], $"form[action='/reviews/{reviewId}/plan/actions/{firstAction}/move']");

        (await ActionsOfPartAsync(partId)).Select(a => a.Heading).ShouldBe(["Younger men", "Frontline staff"]);
    }

    [Fact]
    public async Task An_action_with_progress_updates_cannot_be_deleted()
    {
        var action = await app.WithDbAsync(db => db.PlanActions
            .Where(a => a.Recommendation!.Review!.Title == "Hate Crime" && a.Heading == "Younger men")
            .Select(a => new { a.Id, a.Recommendation!.ReviewId }).SingleAsync());
        var client = await OfficerAsync();
        var url = $"/reviews/{action.ReviewId}/plan/actions/{action.Id}/delete";

        var page = await client.GetDocumentAsync(url);
        page.TextOf(".govuk-warning-text").ShouldContain("You cannot delete action 1a (Younger men) because progress has already been reported on it.");

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.PlanActions.AnyAsync(a => a.Id == action.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task An_action_whose_update_holds_a_draft_with_evidence_cannot_be_deleted()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Draft evidence", review =>
            review.Rounds.Add(new Round { Label = "February 2025", DueDate = new(2025, 2, 28) }));
        var client = await OfficerAsync();
        await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), ValidAction);
        var actionId = await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.SingleAsync(u => u.PlanAction!.PartId == partId);
            update.Evidence = "Two sessions held so far.";
            await db.SaveChangesAsync();
            return update.PlanActionId;
        });

        var page = await client.GetDocumentAsync($"/reviews/{reviewId}/plan/actions/{actionId}/delete");

        page.QuerySelector(".govuk-warning-text").ShouldNotBeNull();
        page.QuerySelector("main form").ShouldBeNull();
    }

    [Fact]
    public async Task Deleting_an_action_renumbers_the_columns_after_it()
    {
        var (reviewId, recommendationId, partId) = await PartAsync("Deleting actions");
        var client = await OfficerAsync();
        foreach (var heading in new[] { "One", "Two", "Three" })
        {
            await client.SubmitFormAsync(NewActionUrl(reviewId, recommendationId, partId), new Dictionary<string, string>(ValidAction) { ["Heading"] = heading });
        }

        var two = (await ActionsOfPartAsync(partId))[1].Id;
        var response = await client.SubmitFormAsync($"/reviews/{reviewId}/plan/actions/{two}/delete", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActionsOfPartAsync(partId)).Select(a => (a.Heading, a.Position)).ShouldBe([("One", 0), ("Three", 1)]);
    }

    [Fact]
    public async Task A_part_of_another_recommendation_is_not_found()
    {
        var (reviewId, recommendationId, _) = await PartAsync("First recommendation");
        var (_, _, otherPart) = await PartAsync("Other recommendation");
        var client = await OfficerAsync();

        (await client.GetAsync(NewActionUrl(reviewId, recommendationId, otherPart))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
