using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Rounds;

public sealed class OpenRoundTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private static (string Label, string Day, string Month, string Year) Defaults(IDocument page) => (
        page.QuerySelector("#Label")!.GetAttribute("value")!,
        page.QuerySelector("#DueDay")!.GetAttribute("value")!,
        page.QuerySelector("#DueMonth")!.GetAttribute("value")!,
        page.QuerySelector("#DueYear")!.GetAttribute("value")!);

    private static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    private static Round ClosedRound(string label, DateOnly dueDate) => new() { Label = label, DueDate = dueDate, Status = RoundStatus.Closed };

    private static ProgressUpdate Accepted(Round round, Grade grade) =>
        new() { Round = round, Evidence = $"Evidence graded {(int)grade}", Grade = grade, Status = UpdateStatus.Accepted };

    [Fact]
    public async Task The_first_round_defaults_to_12_months_after_the_plan_was_agreed()
    {
        var id = await app.AddReviewAsync("First round", new(2025, 6));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(("June 2026", "30", "6", "2026"));
    }

    [Fact]
    public async Task A_later_round_defaults_to_12_months_after_the_previous_round()
    {
        var id = await app.AddReviewAsync("Later round", new(2019, 3), r =>
            r.Rounds.AddRange([ClosedRound("March 2020", new(2020, 3, 31)), ClosedRound("April 2021", new(2021, 4, 30))]));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(("April 2022", "30", "4", "2022"));
    }

    [Fact]
    public async Task A_round_due_before_the_last_round_is_refused_so_rounds_stay_in_order()
    {
        var id = await app.AddReviewAsync("Out of order", new(2019, 3), r => r.Rounds.Add(ClosedRound("March 2020", new(2020, 3, 31))));
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/rounds/open",
            [new("Label", "March 2021"), new("DueDay", "31"), new("DueMonth", "3"), new("DueYear", "2020")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe(["Due date must be after 31 March 2020, when the last round was due"]);
        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Opening_a_round_gives_every_action_not_yet_fully_achieved_an_update_to_fill_in()
    {
        var first = ClosedRound("March 2020", new(2020, 3, 31));
        var achieved = Action("Achieved");
        achieved.Updates.Add(Accepted(first, Grade.FullyAchieved));
        var onTrack = Action("On track", 1);
        onTrack.Updates.Add(Accepted(first, Grade.OnTrack));
        var slipped = Action("Slipped", 2);
        slipped.Updates.Add(Accepted(first, Grade.Slipped));
        var added = Action("Added since", 3);
        var id = await app.AddReviewAsync("Carry forward", new(2019, 3), r =>
        {
            r.Rounds.Add(first);
            r.Recommendations.Add(Recommendation(1, "One", achieved, onTrack, slipped, added));
        });
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");
        page.TextOf("main p.govuk-body").ShouldContain("gives 3 actions an update");
        page.TextOf(".govuk-details__summary-text").ShouldBe("1 action is fully achieved and needs nothing more");
        page.TextOf(".govuk-details__text").ShouldContain("Recommendation 1 (1): 1 Fully Achieved in March 2020");

        var response = await client.SubmitFormAsync(page, []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/reviews/{id}");
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().Include(x => x.Updates).ThenInclude(u => u.PlanAction)
            .SingleAsync(x => x.ReviewId == id && x.Status == RoundStatus.Open));
        round.Label.ShouldBe("March 2021");
        round.DueDate.ShouldBe(new DateOnly(2021, 3, 31));
        round.Updates.Select(u => u.PlanAction!.AgreedAction).ShouldBe(["On track", "Slipped", "Added since"], ignoreOrder: true);
        round.Updates.ShouldAllBe(u => u.Status == UpdateStatus.Draft && u.Evidence == "" && u.Grade == null);
    }

    [Fact]
    public async Task Opening_the_next_Hate_Crime_round_carries_forward_its_four_unfinished_actions()
    {
        var reviewId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.Id).SingleAsync());
        var unfinished = await app.WithDbAsync(db => db.ProgressUpdates
            .Where(u => u.Round!.ReviewId == reviewId && u.Grade != Grade.FullyAchieved).Select(u => u.PlanActionId).ToListAsync());
        unfinished.Count.ShouldBe(4);
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{reviewId}/rounds/open", []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().Include(x => x.Updates)
            .SingleAsync(x => x.ReviewId == reviewId && x.Status == RoundStatus.Open));
        round.Label.ShouldBe("March 2021");
        round.Updates.Select(u => u.PlanActionId).ShouldBe(unfinished, ignoreOrder: true);
        var overview = await client.GetDocumentAsync($"/reviews/{reviewId}");
        overview.TextOf(".govuk-notification-banner").ShouldContain("The March 2021 round is open: 4 updates to fill in.");
    }

    [Fact]
    public async Task Only_one_round_of_a_review_can_be_open_at_a_time()
    {
        var id = await app.AddReviewAsync("Already open", new(2024, 1), r =>
            r.Rounds.Add(new Round { Label = "January 2025", DueDate = new(2025, 1, 31) }));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");
        page.TextOf(".govuk-warning-text").ShouldContain("The January 2025 round of Already open is still open. Close it before you open the next round.");
        page.QuerySelector("main form").ShouldBeNull();

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.PostAsync($"/reviews/{id}/rounds/open", new FormUrlEncodedContent(
            [new("Label", "February 2025"), new("DueDay", "28"), new("DueMonth", "2"), new("DueYear", "2025"), new("__RequestVerificationToken", token)]));
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == id))).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "", "", "", "Enter the name of the round|Enter the due date")]
    [InlineData("L", "31", "3", "2026", "Name must be 50 characters or fewer")]
    [InlineData("March 2026", "31", "2", "2026", "Due date must be a real date, for example 31 3 2020")]
    [InlineData("March 2026", "31", "March", "2026", "Due date must be a real date, for example 31 3 2020")]
    [InlineData("march 2020", "31", "3", "2026", "Validation already has a round called march 2020")]
    public async Task Missing_over_long_or_impossible_answers_are_refused(string label, string day, string month, string year, string messages)
    {
        var id = await app.AddReviewAsync("Validation", new(2019, 3), r => r.Rounds.Add(ClosedRound("March 2020", new(2020, 3, 31))));
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/rounds/open",
            [new("Label", label == "L" ? new string('L', 51) : label), new("DueDay", day), new("DueMonth", month), new("DueYear", year)]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await HttpClientExtensions.ParseAsync(response);
        Errors(page).ShouldBe(messages.Split('|'));
        (page.QuerySelector("#DueMonth")!.GetAttribute("value") ?? "").ShouldBe(month);
        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == id))).ShouldBe(1);
    }
}
