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

    private static YearMonth ThisMonth => YearMonth.From(ScrutinyTracker.Web.Infrastructure.UkTime.Today(TimeProvider.System));

    private static (string, string, string, string) Expected(DateOnly due) =>
        (YearMonth.From(due).ToString(), due.Day.ToString(), due.Month.ToString(), due.Year.ToString());

    [Fact]
    public async Task The_first_round_defaults_to_the_committees_first_interval_12_months_after_the_plan_was_agreed()
    {
        var agreed = ThisMonth.AddMonths(-2);
        var id = await app.AddReviewAsync("First round", agreed, r => r.Recommendations.Add(Recommendation(1, "One", Action("Do it"))));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(Expected(agreed.AddMonths(12).LastDay));
        page.QuerySelector("#missed-due-date").ShouldBeNull();
    }

    [Fact]
    public async Task A_later_round_defaults_to_the_follow_up_interval_6_months_after_the_previous_round()
    {
        var previous = ThisMonth.AddMonths(-2);
        var id = await app.AddReviewAsync("Later round", previous.AddMonths(-12), r =>
        {
            var round = ClosedRound(previous.ToString(), previous.LastDay);
            var action = Action("Still going");
            action.Updates.Add(Accepted(round, Grade.OnTrack));
            r.Rounds.Add(round);
            r.Recommendations.Add(Recommendation(1, "One", action));
        });
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(Expected(previous.AddMonths(6).LastDay));
    }

    [Fact]
    public async Task A_reviews_own_intervals_override_its_committees()
    {
        var agreed = ThisMonth.AddMonths(-1);
        var id = await app.AddReviewAsync("Own intervals", agreed, r =>
        {
            r.FirstUpdateMonths = 3;
            r.Recommendations.Add(Recommendation(1, "One", Action("Do it")));
        });
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(Expected(agreed.AddMonths(3).LastDay));
    }

    [Fact]
    public async Task A_committees_intervals_changed_on_its_page_drive_its_reviews_round_defaults()
    {
        var agreed = ThisMonth.AddMonths(-1);
        var committeeId = await app.WithDbAsync(async db =>
        {
            var committee = new SelectCommittee { Name = "Intervals Select Committee", NormalizedName = "INTERVALS SELECT COMMITTEE" };
            db.SelectCommittees.Add(committee);
            await db.SaveChangesAsync();
            return committee.Id;
        });
        var id = await app.AddReviewAsync("Committee intervals", agreed, r =>
        {
            r.SelectCommitteeId = committeeId;
            r.Recommendations.Add(Recommendation(1, "One", Action("Do it")));
        });
        var client = await OfficerAsync();

        var saved = await client.SubmitFormAsync($"/select-committees/{committeeId}/intervals", [new("Form.FirstUpdateMonths", "6"), new("Form.FollowUpMonths", "3")]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(Expected(agreed.AddMonths(6).LastDay));
        (await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(SelectCommittee) && e.EntityId == committeeId.ToString() && e.Kind == AuditKind.Modified)
            .Select(e => e.Field + "=" + e.NewValue).ToListAsync())).ShouldBe(["FirstUpdateMonths=6", "FollowUpMonths=3"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_round_whose_scheduled_date_has_passed_is_proposed_for_this_month_saying_which_date_was_missed()
    {
        var id = await app.AddReviewAsync("Missed", new(2019, 3), r => r.Recommendations.Add(Recommendation(1, "One", Action("Do it"))));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        Defaults(page).ShouldBe(Expected(ThisMonth.LastDay));
        page.TextOf("#missed-due-date").ShouldStartWith("This round was due on 31 March 2020, which has passed");
    }

    [Fact]
    public async Task No_round_opens_before_the_month_the_plan_was_agreed_is_recorded()
    {
        var id = await app.AddReviewAsync("Plan not agreed", null, r => r.Recommendations.Add(Recommendation(1, "One", Action("Do it"))));
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        page.TextOf(".govuk-warning-text").ShouldContain("Record the month the Select Committee agreed the action plan of Plan not agreed");
        page.QuerySelector("main form").ShouldBeNull();
    }

    [Fact]
    public async Task A_round_due_before_the_last_round_is_refused_so_rounds_stay_in_order()
    {
        var id = await app.AddReviewAsync("Out of order", new(2019, 3), r =>
        {
            r.Rounds.Add(ClosedRound("March 2020", new(2020, 3, 31)));
            r.Recommendations.Add(Recommendation(1, "One", Action("Do it")));
        });
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync($"/reviews/{id}/rounds/open",
            [new("Label", "March 2021"), new("DueDay", "31"), new("DueMonth", "3"), new("DueYear", "2020")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldBe(["Due date must be after 31 March 2020, when the last round was due"]);
        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task Opening_a_round_gives_an_update_to_every_action_of_an_accepted_recommendation_the_committee_has_not_signed_off()
    {
        var first = ClosedRound("March 2020", new(2020, 3, 31));
        var signedOff = Action("Signed off");
        signedOff.Updates.Add(Accepted(first, Grade.FullyAchieved));
        var achievedButNotSignedOff = Action("Graded 1, committee disagreed", 1);
        var disputed = Accepted(first, Grade.FullyAchieved);
        disputed.CommitteeDecision = new CommitteeDecision { Outcome = CommitteeOutcome.GradeChanged, Grade = Grade.OnTrack, Reason = "Members want to see the results first" };
        achievedButNotSignedOff.Updates.Add(disputed);
        var onTrack = Action("On track", 2);
        onTrack.Updates.Add(Accepted(first, Grade.OnTrack));
        var added = Action("Added since", 3);
        var id = await app.AddReviewAsync("Carry forward", new(2019, 3), r =>
        {
            r.Rounds.Add(first);
            r.Recommendations.Add(Recommendation(1, "One", signedOff, achievedButNotSignedOff, onTrack, added));
            r.Recommendations.Add(Recommendation(2, "Two", ExecutiveDecision.PartiallyAccepted, Action("Partly accepted")));
            r.Recommendations.Add(Recommendation(3, "Three", ExecutiveDecision.NotAccepted, Action("Not accepted")));
            r.Recommendations.Add(Recommendation(4, "Four", (ExecutiveDecision?)null, Action("Response awaited")));
        });
        var client = await OfficerAsync();
        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");
        page.TextOf("main p.govuk-body").ShouldContain("gives 4 actions an update");
        page.TextOf(".govuk-details__summary-text").ShouldBe("1 action is signed off and needs nothing more");
        page.TextOf(".govuk-details__text").ShouldContain("Recommendation 1 (1): signed off in March 2020");
        page.QuerySelectorAll("#not-monitored li").Select(li => li.TextContent.Trim())
            .ShouldBe(["Recommendation 3, because the Executive did not accept it", "Recommendation 4, because it awaits the Executive's response"]);

        var response = await client.SubmitFormAsync(page, []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/reviews/{id}");
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().Include(x => x.Updates).ThenInclude(u => u.PlanAction)
            .SingleAsync(x => x.ReviewId == id && x.Status == RoundStatus.Open));
        round.Updates.Select(u => u.PlanAction!.AgreedAction).ShouldBe(["Graded 1, committee disagreed", "On track", "Added since", "Partly accepted"], ignoreOrder: true);
        round.Updates.ShouldAllBe(u => u.Status == UpdateStatus.Draft && u.Evidence == "" && u.Grade == null);
    }

    [Fact]
    public async Task A_round_cannot_open_while_the_one_before_awaits_the_committees_decisions()
    {
        var first = ClosedRound("March 2020", new(2020, 3, 31));
        var action = Action("Achieved, not yet signed off");
        action.Updates.Add(Accepted(first, Grade.FullyAchieved));
        var id = await app.AddReviewAsync("Awaiting committee", new(2019, 3), r =>
        {
            r.Rounds.Add(first);
            r.Recommendations.Add(Recommendation(1, "One", action));
        }, considerClosedRounds: false);
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/reviews/{id}/rounds/open");

        page.TextOf(".govuk-warning-text").ShouldContain("The committee's decisions on the March 2020 round are not recorded yet.");
        page.QuerySelector("main form").ShouldBeNull();
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
        var id = await app.AddReviewAsync("Validation", new(2019, 3), r =>
        {
            r.Rounds.Add(ClosedRound("March 2020", new(2020, 3, 31)));
            r.Recommendations.Add(Recommendation(1, "One", Action("Do it")));
        });
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
