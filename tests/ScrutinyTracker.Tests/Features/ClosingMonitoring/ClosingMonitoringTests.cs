using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.ClosingMonitoring;

/// <summary>The committee ending monitoring of a recommendation or a review early, with the reason and date.</summary>
public sealed class ClosingMonitoringTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private static KeyValuePair<string, string>[] Closing(string reason = "Superseded by the new Hate Crime Strategy") =>
        [new("ClosedOn.Day", "3"), new("ClosedOn.Month", "5"), new("ClosedOn.Year", "2021"), new("Reason", reason)];

    /// <summary>A considered March 2020 round, two recommendations each with one action graded 2.</summary>
    private Task<int> ReviewAsync(string title) => app.AddReviewAsync(title, new(2019, 3), r =>
    {
        var round = new Round { Label = "March 2020", DueDate = new(2020, 3, 31), Status = RoundStatus.Closed };
        r.Rounds.Add(round);
        foreach (var number in new[] { 1, 2 })
        {
            var action = Action($"Action of {number}");
            action.Updates.Add(new ProgressUpdate { Round = round, Evidence = "Going", Grade = Grade.OnTrack, Status = UpdateStatus.Accepted });
            r.Recommendations.Add(Recommendation(number, $"Recommendation text {number}", action));
        }
    });

    [Fact]
    public async Task A_closed_recommendation_drops_from_later_rounds_and_shows_as_closed_with_its_reason()
    {
        var id = await ReviewAsync("Closing a recommendation");
        var second = await app.WithDbAsync(db => db.Recommendations.Where(r => r.ReviewId == id && r.Number == 2).Select(r => r.Id).SingleAsync());
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/recommendations/{second}/close-monitoring", Closing());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.SubmitFormAsync($"/reviews/{id}/rounds/open", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var updated = await app.WithDbAsync(db => db.ProgressUpdates.Where(u => u.Round!.ReviewId == id && u.Round.Status == RoundStatus.Open)
            .Select(u => u.PlanAction!.AgreedAction).ToListAsync());
        updated.ShouldBe(["Action of 1"]);
        var plan = await client.GetDocumentAsync($"/reviews/{id}/plan");
        plan.TextOf($"#recommendation-{second} .app-report__closed").ShouldBe("Monitoring closed on 3 May 2021: Superseded by the new Hate Crime Strategy");
        var report = await client.GetDocumentAsync($"/reviews/{id}/report");
        report.QuerySelectorAll(".app-report__recommendation")[1].QuerySelector(".app-report__closed")!.TextContent
            .ShouldBe("Monitoring closed on 3 May 2021: Superseded by the new Hate Crime Strategy");
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Recommendation) && e.EntityId == second.ToString() && e.Field == "MonitoringClosedReason"))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_closed_review_gets_no_more_rounds_and_says_so_everywhere()
    {
        var id = await ReviewAsync("Closing a review");
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/close-monitoring", Closing("The service was transferred to the combined authority"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var overview = await client.GetDocumentAsync($"/reviews/{id}");
        Poppler.Squash(overview.TextOf("#review-life")).ShouldBe("Monitoring closed on 3 May 2021");
        overview.TextOf("main").ShouldContain("The service was transferred to the combined authority");
        (await client.GetDocumentAsync($"/reviews/{id}/rounds/open")).TextOf(".govuk-warning-text").ShouldContain("Monitoring of Closing a review was closed");
        var list = await client.GetDocumentAsync("/");
        list.QuerySelectorAll("main tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "Closing a review")
            .TextContent.ShouldContain("Monitoring closed");
        (await client.GetDocumentAsync($"/reviews/{id}/report")).TextOf(".app-report__closed")
            .ShouldBe("The Crime and Disorder Select Committee closed monitoring of this review on 3 May 2021: The service was transferred to the combined authority");
        var dashboard = await client.GetDocumentAsync("/dashboard?stage=MonitoringClosed");
        dashboard.QuerySelectorAll(".app-dashboard-table tbody th a").Select(a => a.TextContent).ShouldContain("Closing a review");
    }

    [Fact]
    public async Task Closing_needs_the_date_and_the_reason_and_not_while_a_round_is_open()
    {
        var id = await ReviewAsync("Closing refused");
        var client = await OfficerAsync();

        var empty = await HttpClientExtensions.ParseAsync(await client.SubmitFormAsync($"/reviews/{id}/close-monitoring",
            [new("ClosedOn.Day", ""), new("ClosedOn.Month", ""), new("ClosedOn.Year", ""), new("Reason", "")]));
        empty.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim())
            .ShouldBe(["Enter the date the committee closed monitoring", "Enter why the committee closed monitoring"]);

        await client.SubmitFormAsync($"/reviews/{id}/rounds/open", []);
        var page = await client.GetDocumentAsync($"/reviews/{id}/close-monitoring");
        page.TextOf(".govuk-warning-text").ShouldContain("round is still open");
        (await app.WithDbAsync(db => db.Reviews.SingleAsync(r => r.Id == id))).MonitoringClosedOn.ShouldBeNull();
    }
}
