using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.CommitteeDecisions;

/// <summary>The Select Committee's consideration of a closed round, through the pages, each test with a review of its own.</summary>
public sealed class CommitteeDecisionsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private Task<HttpClient> OfficerAsync() => app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

    private static string Key(int updateId, string field) => $"Decisions[{updateId}].{field}";

    private static KeyValuePair<string, string>[] Meeting(string day = "15", string month = "4", string year = "2020", string minute = "Minute 23/20") =>
        [new("Meeting.Day", day), new("Meeting.Month", month), new("Meeting.Year", year), new("MinuteReference", minute)];

    /// <summary>Signs off the grade 1 (as proposed), changes the 2 to 3, continues the 3.</summary>
    private static KeyValuePair<string, string>[] Decisions(AwaitingCommittee review) =>
    [
        .. Meeting(),
        new(Key(review.OnTrackUpdate, "Outcome"), ((int)CommitteeOutcome.GradeChanged).ToString()),
        new(Key(review.OnTrackUpdate, "Grade"), "3"),
        new(Key(review.OnTrackUpdate, "Reason"), "Members did not agree it was on track"),
    ];

    private static IReadOnlyList<string> Errors(IDocument page) =>
        page.QuerySelectorAll(".govuk-error-summary__list li").Select(li => li.TextContent.Trim()).ToList();

    [Fact]
    public async Task Sign_off_is_proposed_for_every_grade_1_and_continuing_for_the_rest()
    {
        var review = await app.AddAwaitingCommitteeAsync("Proposal");
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync(review.CommitteeUrl);

        string Checked(int updateId) => page.QuerySelector<IHtmlInputElement>($"input[name='{Key(updateId, "Outcome")}'][checked]")!.NextElementSibling!.TextContent;
        Checked(review.AchievedUpdate).ShouldBe("Signed off");
        Checked(review.OnTrackUpdate).ShouldBe("Continue monitoring");
        Checked(review.SlippedUpdate).ShouldBe("Continue monitoring");
        page.QuerySelectorAll($"input[name='{Key(review.OnTrackUpdate, "Outcome")}'] + label").Select(l => l.TextContent)
            .ShouldBe(["Grade changed", "Continue monitoring"], "only a grade 1 can be signed off");
        page.QuerySelector<IHtmlSelectElement>("#SelectCommitteeId")!.SelectedOptions[0].TextContent.ShouldBe("Crime and Disorder Select Committee");
    }

    [Fact]
    public async Task Before_the_committee_meets_the_report_says_the_grades_are_the_services_self_assessment()
    {
        var review = await app.AddAwaitingCommitteeAsync("Awaiting");
        var client = await app.SignedInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync(review.ReportUrl);

        page.TextOf("#consideration").ShouldBe("The grades of the March 2020 update are the service's self-assessment, awaiting consideration by the Crime and Disorder Select Committee.");
        page.TextOf("main").ShouldNotContain("Signed off by");
    }

    [Fact]
    public async Task Recorded_decisions_show_in_the_report_with_the_committees_grade_beside_the_self_assessment_and_in_its_counts()
    {
        var review = await app.AddAwaitingCommitteeAsync("Considered");
        var client = await OfficerAsync();

        var response = await client.SubmitFormAsync(review.CommitteeUrl, Decisions(review));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var overview = await client.GetDocumentAsync(response.Headers.Location!.ToString());
        overview.TextOf(".govuk-notification-banner").ShouldContain("1 signed off, 1 with the grade changed, 1 continuing.");
        var report = await (await app.SignedInAsync(DemoUsers.CommitteeMemberEmail)).GetDocumentAsync(review.ReportUrl);
        report.TextOf("#consideration").ShouldBe("The March 2020 update was considered by the Crime and Disorder Select Committee on 15 April 2020 (Minute 23/20).");
        var assessments = report.QuerySelectorAll(".app-report-table")[0].QuerySelectorAll("tbody tr")[5].QuerySelectorAll("td").Select(td => Poppler.Squash(td.TextContent)).ToList();
        assessments[0].ShouldBe("1 Fully Achieved Signed off by the Crime and Disorder Select Committee on 15 April 2020");
        assessments[1].ShouldBe("3 Slipped The committee's grade. The service's self-assessment: 2 – On-Track. The committee's reason: Members did not agree it was on track");
        assessments[2].ShouldBe("3 Slipped Expected to be achieved by June 2021. Reason for the delay: The contractor went into administration.");
        var counts = report.QuerySelectorAll("#grade-summary tbody tr").Select(tr => tr.QuerySelector("td")!.TextContent.Trim()).ToList();
        counts.ShouldBe(["1", "0", "2", "0", "0"], "the changed grade counts as the committee's");
    }

    [Fact]
    public async Task The_next_round_opens_six_months_later_with_only_the_actions_not_signed_off()
    {
        var review = await app.AddAwaitingCommitteeAsync("Carry forward after sign-off");
        var client = await OfficerAsync();
        (await client.SubmitFormAsync(review.CommitteeUrl, Decisions(review))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var open = await client.GetDocumentAsync($"/reviews/{review.ReviewId}/rounds/open");
        open.TextOf("main p.govuk-body").ShouldContain("gives 2 actions an update");
        var response = await client.SubmitFormAsync(open, []);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().Include(r => r.Updates).ThenInclude(u => u.PlanAction)
            .SingleAsync(r => r.ReviewId == review.ReviewId && r.Status == RoundStatus.Open));
        round.Updates.Select(u => u.PlanAction!.AgreedAction).ShouldBe(["On track", "Slipped"], ignoreOrder: true);
        var form = await (await app.SignedInAsync(DemoUsers.LinkOfficerEmail)).GetDocumentAsync($"/rounds/{round.Id}/updates");
        form.TextOf("main").ShouldContain("Expected to be achieved by June 2021.");
        form.TextOf("main").ShouldContain("Reason for the delay: The contractor went into administration.");
        form.TextOf("main").ShouldContain("The committee changed the grade to 3 – Slipped: Members did not agree it was on track");
    }

    [Theory]
    [InlineData("Outcome", "0", "", "", "On track can only be signed off when it is graded 1 Fully Achieved")]
    [InlineData("Outcome", "1", "Grade", "2", "The committee's grade for Recommendation 1 (2) is the same as the service's")]
    [InlineData("Outcome", "1", "Grade", "1", "must be 2, 3 or 4")]
    [InlineData("Outcome", "1", "Grade", "3", "Enter why the committee changed the grade of Recommendation 1 (2)")]
    public async Task Decisions_the_rules_do_not_allow_are_refused_and_nothing_is_saved(string field, string value, string other, string otherValue, string message)
    {
        var review = await app.AddAwaitingCommitteeAsync($"Refused {field}{value}{other}{otherValue}");
        var client = await OfficerAsync();
        var values = Meeting().Append(new(Key(review.OnTrackUpdate, field), value)).ToList();
        if (other.Length > 0)
        {
            values.Add(new(Key(review.OnTrackUpdate, other), otherValue));
        }

        var response = await client.SubmitFormAsync(review.CommitteeUrl, values);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Errors(await HttpClientExtensions.ParseAsync(response)).ShouldContain(e => e.Contains(message.Replace("On track", "Recommendation 1 (2)")));
        (await app.WithDbAsync(db => db.CommitteeConsiderations.AnyAsync(c => c.RoundId == review.RoundId))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_meeting_needs_a_real_past_date()
    {
        var review = await app.AddAwaitingCommitteeAsync("Meeting date");
        var client = await OfficerAsync();

        var missing = await HttpClientExtensions.ParseAsync(await client.SubmitFormAsync(review.CommitteeUrl, Meeting("", "", "")));
        var future = await HttpClientExtensions.ParseAsync(await client.SubmitFormAsync(review.CommitteeUrl, Meeting("1", "1", "2099")));

        Errors(missing).ShouldContain("Enter the date of the committee meeting");
        Errors(future).ShouldContain("The date of the committee meeting must be today or in the past");
        missing.QuerySelector(".govuk-error-summary a[href='#Meeting_Day']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_decision_is_audited_and_the_actions_history_says_it_in_words()
    {
        var review = await app.AddAwaitingCommitteeAsync("Audited decisions");
        var client = await OfficerAsync();
        await client.SubmitFormAsync(review.CommitteeUrl, Decisions(review));

        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.ReviewId == review.ReviewId && (e.EntityType == nameof(CommitteeDecision) || e.EntityType == nameof(CommitteeConsideration)))
            .Select(e => e.EntityType + "." + e.Field + "=" + e.NewValue).ToListAsync());
        audited.ShouldContain("CommitteeConsideration.MeetingDate=2020-04-15");
        audited.ShouldContain("CommitteeConsideration.MinuteReference=Minute 23/20");
        audited.Count(e => e.StartsWith("CommitteeDecision.Outcome=", StringComparison.Ordinal)).ShouldBe(3);
        var actionId = await app.WithDbAsync(db => db.ProgressUpdates.Where(u => u.Id == review.OnTrackUpdate).Select(u => u.PlanActionId).SingleAsync());
        var history = await client.GetDocumentAsync($"/actions/{actionId}/history");
        var rows = history.QuerySelectorAll("main tbody tr").Select(tr => Poppler.Squash(tr.TextContent)).ToList();
        rows.ShouldContain(r => r.Contains("March 2020 committee decision: Committee's decision") && r.Contains("Grade changed"));
        rows.ShouldContain(r => r.Contains("March 2020 committee decision: Committee's grade") && r.Contains("3 – Slipped"));
        rows.ShouldContain(r => r.Contains("Committee's reason") && r.Contains("Members did not agree it was on track"));
    }

    [Fact]
    public async Task Decisions_can_be_corrected_until_the_next_round_opens()
    {
        var review = await app.AddAwaitingCommitteeAsync("Corrected");
        var client = await OfficerAsync();
        await client.SubmitFormAsync(review.CommitteeUrl, Decisions(review));

        var corrected = await client.SubmitFormAsync(review.CommitteeUrl, [new(Key(review.OnTrackUpdate, "Outcome"), ((int)CommitteeOutcome.ContinueMonitoring).ToString())]);
        corrected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.CommitteeDecisions.SingleAsync(d => d.ProgressUpdateId == review.OnTrackUpdate)))
            .ShouldSatisfyAllConditions(d => d.Outcome.ShouldBe(CommitteeOutcome.ContinueMonitoring), d => d.Grade.ShouldBeNull(), d => d.Reason.ShouldBeNull());

        await client.SubmitFormAsync($"/reviews/{review.ReviewId}/rounds/open", []);
        var page = await client.GetDocumentAsync(review.CommitteeUrl);
        page.TextOf(".govuk-warning-text").ShouldContain("has been opened since, so the committee's decisions on the March 2020 round can no longer be changed");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync(review.CommitteeUrl, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_open_round_cannot_be_considered_yet()
    {
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Tackling Fly-tipping").Select(r => r.Id).SingleAsync());
        var client = await OfficerAsync();

        var page = await client.GetDocumentAsync($"/rounds/{roundId}/committee");

        page.TextOf(".govuk-warning-text").ShouldContain("round is still open");
        page.QuerySelector("main form").ShouldBeNull();
    }
}
