using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ScrutinyTracker.BrowserTests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.BrowserTests.Journeys;

/// <summary>
/// Journey 3, the council's whole monitoring cycle for a new review: the scrutiny officer records the
/// Executive's response to each recommendation, records that the committee agreed the plan, opens the
/// first round (12 months after), the link officer submits, the officer accepts and closes the round,
/// records the committee meeting (signing off the grade 1, changing one grade), and the next round
/// opens 6 months later asking only about the action not signed off.
/// </summary>
public sealed class ScrutinyOfficerRunsTheMonitoringCycle(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ReviewTitle = "Libraries for Everyone";
    private const string Committee = "People Select Committee";
    private const string PartialResponse = "The Executive agrees to extend opening hours at the four largest libraries only.";
    private const string NotAcceptedResponse = "A mobile library is not affordable within the current budget.";
    private const string ChangeReason = "Members did not agree it was on track: two of the four libraries still close at 5pm.";

    [Fact]
    public async Task A_review_goes_from_the_Executives_response_through_a_committee_meeting_to_a_six_monthly_follow_up()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var agreed = YearMonth.From(today).AddMonths(-12);
        var first = agreed.AddMonths(12);
        var followUp = first.AddMonths(6);
        await ArrangeTheReviewAsync(agreed);
        await using var officer = await Journey.StartAsync(browser);
        await using var linkOfficer = await Journey.StartAsync(browser);

        await officer.RunAsync(async j =>
        {
            await j.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
            await OpenTheReviewAsync(j);
            await Assertions.Expect(j.Page.Locator("#review-life")).ToContainTextAsync("Awaiting Executive response");

            await ShouldReflowOnAPhoneAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = "Executive responses" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldReflowOnAPhoneAsync(j);
            await DecideAsync(j, 1, "Accepted", null);
            await DecideAsync(j, 2, "Partially accepted", PartialResponse);
            await DecideAsync(j, 3, "Not accepted", NotAcceptedResponse);
            var decidedOn = agreed.AddMonths(-1).FirstDay.AddDays(14);
            await j.Page.Locator("#DecidedOn_Day").FillAsync(decidedOn.Day.ToString());
            await j.Page.Locator("#DecidedOn_Month").FillAsync(decidedOn.Month.ToString());
            await j.Page.Locator("#DecidedOn_Year").FillAsync(decidedOn.Year.ToString());
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save responses" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("The Executive's responses to 3 recommendations have been saved.");

            // The committee agrees the plan: its month goes on the review's details.
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Back to {ReviewTitle}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator("#review-life")).ToContainTextAsync("Action plan to be agreed");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Edit review details" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByLabel("Month the Select Committee agreed the action plan (optional)").FillAsync(agreed.ToString());
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator("#review-life")).ToContainTextAsync($"first update due {UkTime.Date(first.LastDay)}");

            // The first round: 12 months after the plan was agreed, for the two monitored recommendations.
            await OpenTheNextRoundAsync(j, first, "Opening the round gives 2 actions an update");
            await Assertions.Expect(j.Page.Locator("#not-monitored")).ToHaveTextAsync("Recommendation 3, because the Executive did not accept it");
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The {first} round is open: 2 updates to fill in.");
        });

        await linkOfficer.RunAsync(async j =>
        {
            await j.SignInAsync(DemoUsers.LinkOfficerEmail);
            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Fill in updates for {first}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldAskAboutAsync(j, "Recommendation 1", "Recommendation 2");
            await AnswerAsync(j, 0, "All 12 libraries now have step-free access.", Grade.FullyAchieved);
            await AnswerAsync(j, 1, "Two of the four largest libraries open until 7pm.", Grade.OnTrack);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Submit to scrutiny officer" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("have been sent to the scrutiny officer");
        });

        await officer.RunAsync(async j =>
        {
            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Check updates for {first}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Accept all 2 submitted updates" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync("2 updates accepted.");
            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Close round {first}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Close round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The {first} round is closed.");

            // Until the committee has met, the report says the grades are the service's own, and no round can open.
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Graded report for {first}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator("main")).ToContainTextAsync(
                $"The grades of the {first} update are the service's self-assessment, awaiting consideration by the {Committee}.");
            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open a round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-warning-text")).ToContainTextAsync($"The committee's decisions on the {first} round are not recorded yet.");
            await OpenTheReviewAsync(j);

            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Record the committee's decisions on {first}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldReflowOnAPhoneAsync(j);
            var meeting = today;
            await j.Page.Locator("#Meeting_Day").FillAsync(meeting.Day.ToString());
            await j.Page.Locator("#Meeting_Month").FillAsync(meeting.Month.ToString());
            await j.Page.Locator("#Meeting_Year").FillAsync(meeting.Year.ToString());
            await Assertions.Expect(j.Page.GetByLabel("Committee", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(Committee);
            // Sign-off is proposed for the grade 1; members change the other's grade from 2 to 3.
            var signedOff = ActionSection(j, "Recommendation 1");
            await Assertions.Expect(signedOff.GetByLabel("Signed off", new() { Exact = true })).ToBeCheckedAsync();
            var changed = ActionSection(j, "Recommendation 2");
            await Assertions.Expect(changed.GetByLabel("Continue monitoring", new() { Exact = true })).ToBeCheckedAsync();
            await changed.GetByLabel("Grade changed", new() { Exact = true }).CheckAsync();
            await changed.GetByLabel(Grade.Slipped.NumberAndLabel(), new() { Exact = true }).CheckAsync();
            await changed.GetByLabel("If the grade was changed: why").FillAsync(ChangeReason);
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Save the committee's decisions" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner"))
                .ToContainTextAsync($"The committee's decisions on the {first} round are recorded: 1 signed off, 1 with the grade changed, 0 continuing.");

            // The report gives the committee's word: the sign-off, and its grade beside the self-assessment.
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Graded report for {first}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            var report = j.Page.Locator("main .app-report");
            await Assertions.Expect(report).ToContainTextAsync($"Signed off by the {Committee} on {UkTime.Date(meeting)}");
            await Assertions.Expect(report).ToContainTextAsync($"The committee's grade. The service's self-assessment: {Grade.OnTrack.NumberAndLabel()}.");
            await Assertions.Expect(report).ToContainTextAsync(ChangeReason);
            await Assertions.Expect(report).ToContainTextAsync($"Not accepted by the Executive on {UkTime.Date(agreed.AddMonths(-1).FirstDay.AddDays(14))}");

            // The follow-up round: 6 months after the first, only for the action not signed off.
            await OpenTheReviewAsync(j);
            await OpenTheNextRoundAsync(j, followUp, "Opening the round gives 1 action an update");
            await ShouldReflowOnAPhoneAsync(j);
            await j.Page.GetByText("1 action is signed off and needs nothing more").ClickAsync();
            await Assertions.Expect(j.Page.GetByText($"Recommendation 1: signed off in {first}")).ToBeVisibleAsync();
            await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await Assertions.Expect(j.Page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The {followUp} round is open: 1 update to fill in.");
        });

        await linkOfficer.RunAsync(async j =>
        {
            await OpenTheReviewAsync(j);
            await j.Page.GetByRole(AriaRole.Link, new() { Name = $"Fill in updates for {followUp}" }).ClickAsync();
            await j.CheckAccessibilityAsync();
            await ShouldAskAboutAsync(j, "Recommendation 2");
        });
    }

    /// <summary>A review whose report has gone to the Executive (nothing recorded of its response) and whose plan the committee has still to agree.</summary>
    private Task ArrangeTheReviewAsync(YearMonth agreed) => browser.App.WithDbAsync(async db =>
    {
        var committee = await db.SelectCommittees.SingleAsync(c => c.Name == Committee);
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var review = new Review
        {
            Title = ReviewTitle,
            SelectCommitteeId = committee.Id,
            ReportToExecutive = agreed.AddMonths(-2).FirstDay.AddDays(9),
            LinkOfficers = [new ReviewLinkOfficer { UserId = linkOfficer.Id }],
        };
        string[] recommendations =
        [
            "That every library be step-free.",
            "That libraries open until 7pm on weekdays.",
            "That the Council run a mobile library for rural wards.",
        ];
        foreach (var (text, i) in recommendations.Select((t, i) => (t, i)))
        {
            var recommendation = new Recommendation { Number = i + 1, Position = i, Text = text };
            var action = new PlanAction
            {
                Responsibility = "Head of Libraries",
                TargetDate = agreed.AddMonths(9).ToString(),
                AgreedAction = $"Action for recommendation {i + 1}.",
                SuccessMeasure = $"Success measure for recommendation {i + 1}.",
                Position = 0,
            };
            action.SetTargetDate(action.TargetDate);
            recommendation.Actions.Add(action);
            review.Recommendations.Add(recommendation);
        }

        db.Reviews.Add(review);
        await db.SaveChangesAsync();
    });

    private static async Task OpenTheReviewAsync(Journey j)
    {
        await j.Page.GetByRole(AriaRole.Link, new() { Name = "Reviews", Exact = true }).ClickAsync();
        await j.CheckAccessibilityAsync();
        await j.Page.GetByRole(AriaRole.Link, new() { Name = ReviewTitle, Exact = true }).ClickAsync();
        await j.CheckAccessibilityAsync();
    }

    private static async Task DecideAsync(Journey j, int number, string decision, string? text)
    {
        var section = j.Page.Locator("section", new() { Has = j.Page.GetByRole(AriaRole.Heading, new() { Name = $"Recommendation {number}", Exact = true }) });
        await section.GetByRole(AriaRole.Group, new() { Name = $"The Executive's decision on recommendation {number}" })
            .GetByLabel(decision, new() { Exact = true }).CheckAsync();
        if (text is not null)
        {
            await section.GetByLabel("What the Executive said (needed when partially accepted or not accepted)").FillAsync(text);
        }
    }

    /// <summary>"Open a round" proposes the scheduled round: its name, and its due date at the end of its month.</summary>
    private static async Task OpenTheNextRoundAsync(Journey j, YearMonth scheduled, string gives)
    {
        await j.Page.GetByRole(AriaRole.Button, new() { Name = "Open a round" }).ClickAsync();
        await j.CheckAccessibilityAsync();
        await Assertions.Expect(j.Page.GetByLabel("Name of the round")).ToHaveValueAsync(scheduled.ToString());
        await Assertions.Expect(j.Page.Locator("#DueDay")).ToHaveValueAsync(scheduled.LastDay.Day.ToString());
        await Assertions.Expect(j.Page.Locator("#DueMonth")).ToHaveValueAsync(scheduled.LastDay.Month.ToString());
        await Assertions.Expect(j.Page.Locator("#DueYear")).ToHaveValueAsync(scheduled.LastDay.Year.ToString());
        await Assertions.Expect(j.Page.Locator("main")).ToContainTextAsync(gives);
        await Assertions.Expect(j.Page.Locator("#missed-due-date")).ToHaveCountAsync(0);
    }

    private static async Task ShouldAskAboutAsync(Journey j, params string[] actions)
    {
        var blocks = j.Page.Locator("[data-update]");
        await Assertions.Expect(blocks).ToHaveCountAsync(actions.Length);
        for (var i = 0; i < actions.Length; i++)
        {
            await Assertions.Expect(blocks.Nth(i).GetByRole(AriaRole.Heading, new() { Name = actions[i], Exact = true })).ToBeVisibleAsync();
        }
    }

    private static async Task AnswerAsync(Journey j, int index, string evidence, Grade grade)
    {
        var block = FlyTippingRound.Block(j.Page, index);
        await FlyTippingRound.EvidenceField(block).FillAsync(evidence);
        await block.GetByLabel(grade.NumberAndLabel(), new() { Exact = true }).CheckAsync();
    }

    /// <summary>
    /// The pages the crawl of EveryPageTests cannot reach with the demo data (a round awaiting the
    /// committee, a response to record) are checked here as it checks pages: at 320 px no sideways
    /// scrolling, targets of 24 px, and axe-core clean.
    /// </summary>
    private static async Task ShouldReflowOnAPhoneAsync(Journey j)
    {
        await j.Page.SetViewportSizeAsync(320, 640);
        var problems = (await Journey.AxeViolationsAsync(j.Page)).Concat(await LayoutChecks.ProblemsAsync(j.Page)).ToList();
        await j.Page.SetViewportSizeAsync(1280, 720);
        problems.ShouldBeEmpty($"{j.Page.Url} at 320 px");
    }

    private static ILocator ActionSection(Journey j, string name) =>
        j.Page.Locator("section", new() { Has = j.Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });
}
