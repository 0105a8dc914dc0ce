using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Rounds;

public sealed class CloseRoundTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    /// <summary>A review whose open round holds one update in each of the given states.</summary>
    private async Task<(int ReviewId, int RoundId)> OpenRoundAsync(string title, params UpdateStatus[] statuses)
    {
        var round = new Round { Label = "January 2025", DueDate = new(2025, 1, 31) };
        var reviewId = await app.AddReviewAsync(title, new(2024, 1), review =>
        {
            review.Rounds.Add(round);
            review.Recommendations.Add(Recommendation(1, "One", statuses.Select((status, i) =>
            {
                var action = Action($"Action {i}", i);
                action.Updates.Add(new ProgressUpdate { Round = round, Status = status, Evidence = "Done", Grade = Grade.OnTrack });
                return action;
            }).ToArray()));
        });
        return (reviewId, await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId).Select(r => r.Id).SingleAsync()));
    }

    private Task<Round> RoundAsync(int roundId) => app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == roundId));

    [Fact]
    public async Task A_round_cannot_be_closed_until_every_update_is_accepted()
    {
        var (_, roundId) = await OpenRoundAsync("Not yet", UpdateStatus.Accepted, UpdateStatus.Draft, UpdateStatus.Submitted, UpdateStatus.Returned);
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/rounds/{roundId}/close");
        page.TextOf(".govuk-warning-text").ShouldContain("You can close the January 2025 round when every update in it has been accepted. 3 of 4 are not accepted yet.");
        page.QuerySelectorAll(".govuk-summary-list__value").Select(d => d.TextContent.Trim()).ShouldBe(["4", "1", "1", "1"]);
        page.QuerySelector("main form").ShouldBeNull();

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/rounds/{roundId}/close", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RoundAsync(roundId)).Status.ShouldBe(RoundStatus.Open);
    }

    [Fact]
    public async Task A_round_whose_updates_are_all_accepted_closes_and_the_next_opens_once_the_committees_decisions_are_recorded()
    {
        var (reviewId, roundId) = await OpenRoundAsync("All accepted", UpdateStatus.Accepted, UpdateStatus.Accepted);
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/rounds/{roundId}/close", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/reviews/{reviewId}");
        var round = await RoundAsync(roundId);
        round.Status.ShouldBe(RoundStatus.Closed);
        round.ClosedAtUtc.ShouldNotBeNull();
        var waiting = await client.GetDocumentAsync($"/reviews/{reviewId}/rounds/open");
        waiting.TextOf(".govuk-warning-text").ShouldContain("The committee's decisions on the January 2025 round are not recorded yet.");

        var decided = await client.SubmitFormAsync($"/rounds/{roundId}/committee", [new("Meeting.Day", "12"), new("Meeting.Month", "2"), new("Meeting.Year", "2025")]);

        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync($"/reviews/{reviewId}/rounds/open")).QuerySelector("main form").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_closed_round_stays_closed()
    {
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Hate Crime" && r.Label == "March 2020").Select(r => r.Id).SingleAsync());
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/rounds/{roundId}/close");
        page.TextOf(".govuk-warning-text").ShouldContain("The March 2020 round is already closed.");

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync($"/rounds/{roundId}/close", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetAsync("/rounds/999999/close")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reopening_an_update_while_the_round_is_being_closed_stops_the_close()
    {
        var (_, roundId) = await OpenRoundAsync("Race", UpdateStatus.Accepted, UpdateStatus.Accepted);
        await using var closing = app.Services.CreateAsyncScope();
        var closingDb = closing.ServiceProvider.GetRequiredService<ScrutinyTracker.Web.Data.ScrutinyDbContext>();
        var round = await closingDb.Rounds.SingleAsync(r => r.Id == roundId);

        var update = await app.WithDbAsync(db => db.ProgressUpdates.AsNoTracking().FirstAsync(u => u.RoundId == roundId));
        await using (var deciding = app.Services.CreateAsyncScope())
        {
            var checking = deciding.ServiceProvider.GetRequiredService<ScrutinyTracker.Web.Features.CheckUpdates.UpdateChecking>();
            (await checking.ReopenAsync(update.Id, update.Version, "Needs a date", CancellationToken.None))
                .ShouldBe(ScrutinyTracker.Web.Features.CheckUpdates.CheckResult.Done);
        }

        round.Status = RoundStatus.Closed;
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => closingDb.SaveChangesAsync());
        (await RoundAsync(roundId)).Status.ShouldBe(RoundStatus.Open);
    }
}
