using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Reports;

/// <summary>
/// Hate Crime after a third round, March 2022, which (as a real round would) holds updates only for the
/// actions not yet achieved: 1b (on-line form) stays 2, 1c goes 3 → 1, 1f stays 3.
/// </summary>
public sealed class ThirdRoundAppFactory : SecondRoundAppFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDbAsync(async db =>
        {
            var openActions = await db.ProgressUpdates
                .Where(u => u.Round!.ReviewId == ReviewId && u.Round.Label == "March 2021" && u.Grade != Grade.FullyAchieved)
                .Select(u => new { u.PlanActionId, u.Grade, Letter = u.PlanAction!.Part!.Letter })
                .ToListAsync();
            var committeeId = await db.Reviews.Where(r => r.Id == ReviewId).Select(r => r.SelectCommitteeId).SingleAsync();
            var round = new Round
            {
                ReviewId = ReviewId,
                Label = "March 2022",
                DueDate = new DateOnly(2022, 3, 31),
                Status = RoundStatus.Closed,
                Consideration = new CommitteeConsideration { MeetingDate = new DateOnly(2022, 4, 20), SelectCommitteeId = committeeId },
            };
            foreach (var action in openActions)
            {
                round.Updates.Add(new ProgressUpdate
                {
                    PlanActionId = action.PlanActionId,
                    Evidence = $"2022 evidence for {action.Letter}",
                    Grade = action.Letter == "c" ? Grade.FullyAchieved : action.Grade,
                    Status = UpdateStatus.Accepted,
                    CommitteeDecision = new CommitteeDecision { Outcome = action.Letter == "c" ? CommitteeOutcome.SignedOff : CommitteeOutcome.ContinueMonitoring },
                });
            }

            db.Rounds.Add(round);
            await db.SaveChangesAsync();
        });
    }
}

public sealed class ThirdRoundTests(ThirdRoundAppFactory app) : IClassFixture<ThirdRoundAppFactory>
{
    [Fact]
    public async Task Actions_achieved_in_earlier_rounds_are_not_newly_achieved_again()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync($"/reviews/{app.ReviewId}/report");

        page.QuerySelector("select#round option[selected]")!.TextContent.ShouldBe("March 2022");
        var newlyAchieved = page.QuerySelectorAll("#grade-changes tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Trim().StartsWith("Newly achieved", StringComparison.Ordinal))
            .QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        newlyAchieved.ShouldBe(["1c: 3 – Slipped → 1 – Fully Achieved"]);
        page.TextOf("main").ShouldContain("Signed off by the Crime and Disorder Select Committee on 15 April 2020. No further update needed.");
        page.TextOf("main").ShouldContain("Signed off by the Crime and Disorder Select Committee on 14 April 2021. No further update needed.");
        page.TextOf("main").ShouldContain("Signed off by the Crime and Disorder Select Committee on 20 April 2022");
    }
}
