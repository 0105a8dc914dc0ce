using System.Net;
using AngleSharp.Dom;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Rounds;

/// <summary>The "Due for update" list. Tests add reviews of their own, so each looks only at its own rows.</summary>
public sealed class DueForUpdateTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly YearMonth ThisMonth = YearMonth.From(DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));

    private async Task<IDocument> DueAsync()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.ScrutinyOfficerEmail);
        return await client.GetDocumentAsync("/rounds/due");
    }

    private const string ReviewsDue = "#reviews-due";
    private const string RoundsWaiting = "#rounds-waiting";
    private const string ResponsesDue = "#responses-due";
    private const string AwaitingCommittee = "#awaiting-committee";

    private static IReadOnlyList<string> Rows(IDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("th, td").Select(c => Poppler.Squash(c.TextContent)))).ToList();

    private static IReadOnlyList<string> Titles(IDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody th").Select(th => th.TextContent.Trim()).ToList();

    private static Recommendation Monitored() => Recommendation(1, "One", Action("Only action"));

    [Fact]
    public async Task The_demo_reviews_show_an_open_round_missing_updates_overdue_since_its_due_date_and_an_overdue_Executive_response()
    {
        var page = await DueAsync();

        Rows(page, RoundsWaiting).ShouldContain(row => row.StartsWith("Hate Crime | September 2020 | 30 September 2020", StringComparison.Ordinal)
            && row.Contains("Overdue since 30 September 2020 | 4 | 0 | Marc Stephenson"));
        Rows(page, RoundsWaiting).ShouldContain(row => row.StartsWith("Tackling Fly-tipping |", StringComparison.Ordinal) && row.Contains("| 4 | 0 | Marc Stephenson |"));
        Rows(page, ResponsesDue).ShouldContain(row => row.StartsWith("Tackling Fly-tipping |", StringComparison.Ordinal) && row.Contains("Overdue since") && row.Contains("| 1 |"));
        page.TextOf("main").ShouldNotContain("Overdue by");
    }

    [Fact]
    public async Task Reviews_are_listed_from_30_days_before_their_next_round_is_due()
    {
        await app.AddReviewAsync("Due this month", ThisMonth.AddMonths(-12), r => r.Recommendations.Add(Monitored()));
        await app.AddReviewAsync("Due in two months", ThisMonth.AddMonths(-10), r => r.Recommendations.Add(Monitored()));
        await app.AddReviewAsync("Overdue but completed", ThisMonth.AddMonths(-30), r => { r.Status = ReviewStatus.Completed; r.Recommendations.Add(Monitored()); });
        await app.AddReviewAsync("Overdue with a round open", ThisMonth.AddMonths(-30), r =>
        {
            r.Rounds.Add(new Round { Label = "Open round", DueDate = ThisMonth.AddMonths(-18).LastDay });
            r.Recommendations.Add(Monitored());
        });

        var titles = Titles(await DueAsync(), ReviewsDue);

        titles.ShouldContain("Due this month");
        titles.ShouldNotContain("Due in two months");
        titles.ShouldNotContain("Overdue but completed");
        titles.ShouldNotContain("Overdue with a round open");
    }

    [Fact]
    public async Task The_list_follows_each_reviews_intervals()
    {
        // Both rounds were due three months ago: every 3 months the next is due now, every 6 months not yet.
        foreach (var (title, followUp) in new[] { ("Every three months", 3), ("Every six months", 6) })
        {
            await app.AddReviewAsync(title, ThisMonth.AddMonths(-15), r =>
            {
                r.FollowUpMonths = followUp;
                var round = new Round { Label = "Last", DueDate = ThisMonth.AddMonths(-3).LastDay, Status = RoundStatus.Closed };
                var action = Action("Only action");
                action.Updates.Add(new ProgressUpdate { Round = round, Evidence = "Going", Grade = Grade.OnTrack, Status = UpdateStatus.Accepted });
                r.Rounds.Add(round);
                r.Recommendations.Add(Recommendation(1, "One", action));
            });
        }

        var titles = Titles(await DueAsync(), ReviewsDue);

        titles.ShouldContain("Every three months");
        titles.ShouldNotContain("Every six months");
    }

    [Fact]
    public async Task Executive_responses_are_due_two_months_after_the_report_went_to_the_Executive()
    {
        var sent = ThisMonth.AddMonths(-1).FirstDay;
        await app.AddReviewAsync("Report just sent", null, r =>
        {
            r.ReportToExecutive = sent;
            r.Recommendations.Add(Recommendation(1, "One", (ExecutiveDecision?)null, Action("Only action")));
            r.Recommendations.Add(Recommendation(2, "Two", (ExecutiveDecision?)null, Action("Other action")));
        });

        var row = Rows(await DueAsync(), ResponsesDue).Single(r => r.StartsWith("Report just sent", StringComparison.Ordinal));

        row.ShouldStartWith($"Report just sent | {ScrutinyTracker.Web.Infrastructure.UkTime.Date(sent.AddMonths(2))}");
        row.ShouldContain("Due in");
        row.ShouldContain("| 2 |");
        row.ShouldNotContain("Overdue");
    }

    [Fact]
    public async Task A_closed_round_is_listed_until_the_committees_decisions_are_recorded_and_its_review_is_not_yet_due()
    {
        await app.AddReviewAsync("Waiting for the committee", ThisMonth.AddMonths(-30), r =>
        {
            var round = new Round { Label = "Last", DueDate = ThisMonth.AddMonths(-18).LastDay, Status = RoundStatus.Closed };
            var action = Action("Only action");
            action.Updates.Add(new ProgressUpdate { Round = round, Evidence = "Done", Grade = Grade.FullyAchieved, Status = UpdateStatus.Accepted });
            r.Rounds.Add(round);
            r.Recommendations.Add(Recommendation(1, "One", action));
        }, considerClosedRounds: false);

        var page = await DueAsync();

        Rows(page, AwaitingCommittee).ShouldContain(row => row.StartsWith("Waiting for the committee | Last | Crime and Disorder Select Committee", StringComparison.Ordinal));
        Titles(page, ReviewsDue).ShouldNotContain("Waiting for the committee");
    }

    [Fact]
    public async Task Open_rounds_are_listed_while_an_update_is_missing_or_returned()
    {
        foreach (var (title, status) in new[] { ("Waiting for a returned update", UpdateStatus.Returned), ("Everything submitted", UpdateStatus.Submitted) })
        {
            var round = new Round { Label = "Current", DueDate = ThisMonth.LastDay };
            var action = Action("Only action");
            action.Updates.Add(new ProgressUpdate { Round = round, Status = status });
            await app.AddReviewAsync(title, ThisMonth.AddMonths(-12), r =>
            {
                r.Rounds.Add(round);
                r.Recommendations.Add(Recommendation(1, "One", action));
            });
        }

        var page = await DueAsync();

        Rows(page, RoundsWaiting).ShouldContain(row => row.StartsWith("Waiting for a returned update | Current |", StringComparison.Ordinal) && row.Contains("| 0 | 1 |"));
        Titles(page, RoundsWaiting).ShouldNotContain("Everything submitted");
    }

    [Fact]
    public async Task Link_officers_do_not_get_the_list()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        var response = await client.GetAsync("/rounds/due");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }
}
