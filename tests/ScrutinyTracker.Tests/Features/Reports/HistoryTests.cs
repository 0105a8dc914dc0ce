using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Reports;

/// <summary>
/// Hate Crime with a second round, March 2021 (in place of the demo's open September 2020 round),
/// accepted and considered: 1a (Schools…) 2 → 1, 1b (on-line form) 4 → 2, 1c 3 → 3, 1f 2 → 3,
/// recommendation 4 not updated, every other action 1 → 1.
/// </summary>
public class SecondRoundAppFactory : ScrutinyAppFactory, IAsyncLifetime
{
    public static readonly Dictionary<string, Grade?> Changed = new()
    {
        ["1a (Schools, Colleges and Universities)"] = Grade.FullyAchieved,
        ["1b (The development of an on-line form, which would enable users to report hate crime from any location)"] = Grade.OnTrack,
        ["1c"] = Grade.Slipped,
        ["1f"] = Grade.Slipped,
        ["4"] = null,
    };

    public int ReviewId { get; private set; }

    public virtual async Task InitializeAsync()
    {
        await WithDbAsync(async db =>
        {
            var review = await db.Reviews
                .Include(r => r.Recommendations).ThenInclude(r => r.Actions).ThenInclude(a => a.Part)
                .SingleAsync(r => r.Title == "Hate Crime");
            db.Rounds.Remove(await db.Rounds.SingleAsync(r => r.ReviewId == review.Id && r.Label == "September 2020"));
            var round = new Round { Label = "March 2021", DueDate = new DateOnly(2021, 3, 31), Status = RoundStatus.Closed };
            review.Rounds.Add(round);
            foreach (var recommendation in review.Recommendations)
            {
                foreach (var action in recommendation.Actions)
                {
                    var label = action.Part is null ? $"{recommendation.Number}" : $"{recommendation.Number}{action.Part.Letter}";
                    label = action.Heading is null ? label : $"{label} ({action.Heading})";
                    var grade = Changed.TryGetValue(label, out var changed) ? changed : Grade.FullyAchieved;
                    if (grade is not null)
                    {
                        action.Updates.Add(new ProgressUpdate { Round = round, Evidence = $"2021 evidence for {label}", Grade = grade, Status = UpdateStatus.Accepted });
                    }
                }
            }

            TestReviews.ConsiderClosedRounds(review, await db.SelectCommittees.SingleAsync(c => c.Id == review.SelectCommitteeId));
            await db.SaveChangesAsync();
            ReviewId = review.Id;
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class HistoryTests(SecondRoundAppFactory app) : IClassFixture<SecondRoundAppFactory>
{
    private Task<HttpClient> SignedInAsync() => app.SignedInAsync(DemoUsers.CommitteeMemberEmail);

    [Fact]
    public async Task History_grid_shows_each_actions_grade_in_each_round_after_a_second_round()
    {
        var page = await (await SignedInAsync()).GetDocumentAsync($"/reviews/{app.ReviewId}/history");

        var table = page.QuerySelector("main table")!;
        table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()).ShouldBe(["Action", "March 2020", "March 2021"]);
        var grid = table.QuerySelectorAll("tbody tr").ToDictionary(
            tr => tr.QuerySelector("th[scope=row]")!.TextContent.Trim(),
            tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim().Split('\n')[0].Trim()).ToList());

        grid.Count.ShouldBe(16);
        grid.Keys.First().ShouldBe("1");
        grid["1a (Frontline staff)"].ShouldBe(["1 Fully Achieved", "1 Fully Achieved"]);
        grid["1a (Schools, Colleges and Universities)"].ShouldBe(["2 On-Track", "1 Fully Achieved"]);
        grid["1b (The development of an on-line form, which would enable users to report hate crime from any location)"].ShouldBe(["4 Not Achieved", "2 On-Track"]);
        grid["1c"].ShouldBe(["3 Slipped", "3 Slipped"]);
        grid["1f"].ShouldBe(["2 On-Track", "3 Slipped"]);
        grid["4"].ShouldBe(["1 Fully Achieved", "—No grade"]);
    }

    [Fact]
    public async Task Report_shows_the_latest_round_and_what_changed_since_the_round_before()
    {
        var page = await (await SignedInAsync()).GetDocumentAsync($"/reviews/{app.ReviewId}/report");

        page.QuerySelector("select#round option[selected]")!.TextContent.ShouldBe("March 2021");
        page.QuerySelector("main .app-evidence")!.TextContent.ShouldBe("2021 evidence for 1");
        var changes = page.QuerySelectorAll("#grade-changes tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim().Split('\n')[0].Trim(),
            tr => (Count: tr.QuerySelector("td")!.TextContent.Trim(), Which: tr.QuerySelectorAll("li").Select(li => li.TextContent).ToList()));

        page.TextOf("#grade-changes caption").ShouldBe("Changes since March 2020");
        changes["Improved"].Count.ShouldBe("2");
        changes["Improved"].Which.ShouldBe(
        [
            "1a (Schools, Colleges and Universities): 2 – On-Track → 1 – Fully Achieved",
            "1b (The development of an on-line form, which would enable users to report hate crime from any location): 4 – Not Achieved → 2 – On-Track",
        ]);
        changes["Slipped"].Which.ShouldBe(["1f: 2 – On-Track → 3 – Slipped"]);
        changes["Newly achieved"].Which.ShouldBe(["1a (Schools, Colleges and Universities): 2 – On-Track → 1 – Fully Achieved"]);
    }

    [Fact]
    public async Task Report_of_the_earlier_round_still_shows_its_own_evidence()
    {
        var firstRound = await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == app.ReviewId && r.Label == "March 2020").Select(r => r.Id).SingleAsync());

        var page = await (await SignedInAsync()).GetDocumentAsync($"/reviews/{app.ReviewId}/report?round={firstRound}");

        page.QuerySelector("main .app-evidence")!.TextContent.ShouldStartWith("The Stockton Hate Crime Action Plan 2019-2020");
        page.QuerySelector("main .app-report-table tbody tr:nth-child(5) th")!.TextContent.ShouldBe("Evidence of Progress (March 2020):");
        page.TextOf("#grade-changes").ShouldContain("first round");
    }

    [Fact]
    public async Task Report_shows_an_action_achieved_in_an_earlier_round_as_achieved_not_as_missing()
    {
        var page = await (await SignedInAsync()).GetDocumentAsync($"/reviews/{app.ReviewId}/report");

        var recommendation4 = page.QuerySelectorAll("main .app-report-table").Last();
        recommendation4.TextContent.ShouldContain("Signed off by the Crime and Disorder Select Committee on 15 April 2020. No further update needed.");
        recommendation4.QuerySelector(".govuk-tag")!.TextContent.ShouldBe("1 Fully Achieved");
        page.TextOf("main").ShouldNotContain("No progress reported yet.");
    }
}
