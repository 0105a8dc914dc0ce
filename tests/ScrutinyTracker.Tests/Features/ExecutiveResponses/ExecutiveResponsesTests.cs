using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.ExecutiveResponses;

/// <summary>Recording the Executive's response to each recommendation, through the page; each test with a review of its own.</summary>
public sealed class ExecutiveResponsesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private async Task<(int ReviewId, int First, int Second)> NewReviewAsync(string title, DateOnly? reportToExecutive = null)
    {
        var id = await app.AddReviewAsync(title, null, r =>
        {
            r.ReportToExecutive = reportToExecutive;
            r.Recommendations.Add(Recommendation(1, "That the Council extend CCTV.", (ExecutiveDecision?)null, Action("Buy cameras")));
            r.Recommendations.Add(Recommendation(2, "That the Council buy drones.", (ExecutiveDecision?)null, Action("Buy drones")));
        });
        var ids = await app.WithDbAsync(db => db.Recommendations.Where(x => x.ReviewId == id).OrderBy(x => x.Number).Select(x => x.Id).ToListAsync());
        return (id, ids[0], ids[1]);
    }

    private static KeyValuePair<string, string> Decision(int recommendationId, ExecutiveDecision decision) =>
        new($"Responses[{recommendationId}].Decision", ((int)decision).ToString());

    private static KeyValuePair<string, string>[] DecidedOn(string day, string month, string year) =>
        [new("DecidedOn.Day", day), new("DecidedOn.Month", month), new("DecidedOn.Year", year)];

    private static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    [Fact]
    public async Task Responses_are_recorded_with_their_decision_text_date_and_recorder_and_audited()
    {
        var (id, first, second) = await NewReviewAsync("Responded", new DateOnly(2019, 4, 12));
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/executive-responses",
        [
            .. DecidedOn("12", "6", "2019"),
            Decision(first, ExecutiveDecision.Accepted),
            Decision(second, ExecutiveDecision.NotAccepted),
            new($"Responses[{second}].Text", "Drones are not an effective use of the budget."),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stored = await app.WithDbAsync(db => db.ExecutiveResponses.AsNoTracking().Include(r => r.RecordedBy).OrderBy(r => r.RecommendationId).ToListAsync());
        var mine = stored.Where(r => r.RecommendationId == first || r.RecommendationId == second).ToList();
        mine.Select(r => r.Decision).ShouldBe([ExecutiveDecision.Accepted, ExecutiveDecision.NotAccepted]);
        mine.ShouldAllBe(r => r.DecidedOn == new DateOnly(2019, 6, 12) && r.RecordedBy!.DisplayName == "Sam Scrutiny");
        mine[1].Text.ShouldBe("Drones are not an effective use of the budget.");
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(ExecutiveResponse) && e.ReviewId == id && e.Field == "Decision")
            .Select(e => e.NewValue).ToListAsync());
        audited.ShouldBe(["Accepted", "NotAccepted"], ignoreOrder: true);

        var report = await (await app.SignedInAsync(DemoUsers.CommitteeMemberEmail)).GetDocumentAsync($"/reviews/{id}/report");
        var drones = report.QuerySelectorAll(".app-report__recommendation")[1];
        drones.QuerySelector(".app-report__response")!.TextContent.ShouldBe("Not accepted by the Executive on 12 June 2019.");
        drones.QuerySelector(".app-report__response-text")!.TextContent.ShouldBe("Drones are not an effective use of the budget.");
        var overview = await client.GetDocumentAsync($"/reviews/{id}");
        overview.TextOf("#review-life").ShouldStartWith("Action plan to be agreed");
    }

    [Fact]
    public async Task Correcting_only_the_date_of_the_decision_changes_the_responses_given_that_date()
    {
        var (id, first, second) = await NewReviewAsync("Date corrected", new DateOnly(2019, 4, 12));
        var client = await OfficerAsync();
        await client.SubmitFormAsync($"/reviews/{id}/executive-responses",
            [.. DecidedOn("12", "6", "2019"), Decision(first, ExecutiveDecision.Accepted), Decision(second, ExecutiveDecision.Accepted)]);

        var response = await client.SubmitFormAsync($"/reviews/{id}/executive-responses", [.. DecidedOn("12", "5", "2019")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the date alone is a change, not \"nothing had changed\"");
        var stored = await app.WithDbAsync(db => db.ExecutiveResponses.AsNoTracking()
            .Where(r => r.RecommendationId == first || r.RecommendationId == second).ToListAsync());
        stored.Select(r => r.DecidedOn).ShouldBe([new DateOnly(2019, 5, 12), new DateOnly(2019, 5, 12)]);
        stored.ShouldAllBe(r => r.Decision == ExecutiveDecision.Accepted);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(ExecutiveResponse) && e.ReviewId == id && e.Field == "DecidedOn" && e.NewValue!.Contains("2019-05-12"))))
            .ShouldBe(2, "each correction is audited");
    }

    [Fact]
    public async Task Partial_and_refused_responses_need_what_the_Executive_said_and_every_response_a_date()
    {
        var (id, first, second) = await NewReviewAsync("Incomplete answers");
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/executive-responses",
            [Decision(first, ExecutiveDecision.PartiallyAccepted), Decision(second, ExecutiveDecision.NotAccepted)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe(
        [
            "Enter what the Executive said about recommendation 1: what it will and will not do, or why it did not accept it",
            "Enter what the Executive said about recommendation 2: what it will and will not do, or why it did not accept it",
            "Enter the date of the Executive's decision",
        ]);
        (await app.WithDbAsync(db => db.ExecutiveResponses.CountAsync(r => r.RecommendationId == first || r.RecommendationId == second))).ShouldBe(0);
    }

    [Fact]
    public async Task A_response_is_due_two_months_after_the_report_went_to_the_Executive_and_shows_overdue_after()
    {
        var (id, _, _) = await NewReviewAsync("Overdue response", new DateOnly(2025, 1, 10));
        var client = await app.SignedInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync($"/reviews/{id}/executive-responses");
        var overview = await client.GetDocumentAsync($"/reviews/{id}");

        Poppler.Squash(page.TextOf("#response-due")).ShouldBe("10 March 2025 Overdue");
        page.QuerySelector("main form button").ShouldBeNull("committee members read the responses");
        Poppler.Squash(overview.TextOf("#review-life")).ShouldBe("Awaiting Executive response overdue since 10 March 2025 Overdue");
    }

    [Fact]
    public async Task A_response_cannot_change_once_monitoring_of_its_recommendation_has_started()
    {
        var round = new Round { Label = "March 2020", DueDate = new(2020, 3, 31) };
        var action = Action("Monitored");
        action.Updates.Add(new ProgressUpdate { Round = round });
        var id = await app.AddReviewAsync("Monitoring started", new(2019, 3), r =>
        {
            r.Rounds.Add(round);
            r.Recommendations.Add(Recommendation(1, "One", action));
        });
        var recommendationId = await app.WithDbAsync(db => db.Recommendations.Where(x => x.ReviewId == id).Select(x => x.Id).SingleAsync());
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync($"/reviews/{id}/executive-responses");
        page.QuerySelector($"input[name='Responses[{recommendationId}].Decision']").ShouldBeNull();
        page.TextOf("main").ShouldContain("Monitoring of this recommendation has started");

        var response = await client.PostAsync($"/reviews/{id}/executive-responses", new FormUrlEncodedContent(
        [
            page.QuerySelector("input[name=__RequestVerificationToken]") is { } token ? new("__RequestVerificationToken", token.GetAttribute("value")!) : default,
            Decision(recommendationId, ExecutiveDecision.NotAccepted),
            new($"Responses[{recommendationId}].Text", "Changed our mind."),
            .. DecidedOn("1", "1", "2020"),
        ]));

        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe(["Recommendation 1 is being monitored, so the Executive's response to it can no longer be changed"]);
        (await app.WithDbAsync(db => db.ExecutiveResponses.SingleAsync(r => r.RecommendationId == recommendationId))).Decision.ShouldBe(ExecutiveDecision.Accepted);
    }
}
