using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Reports;

/// <summary>A review of its own with an open round: one update accepted, the others at each stage before acceptance.</summary>
public sealed class ReportDraftsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Title = "Drafts review";
    private const string AcceptedEvidence = "Accepted line one\n\nAccepted <b>line</b> two";
    private static readonly string[] NotAcceptedEvidence = ["Evidence still a draft", "Evidence submitted for checking", "Evidence returned for changes"];

    private async Task<int> ReviewIdAsync() => await app.WithDbAsync(async db =>
    {
        if (await db.Reviews.SingleOrDefaultAsync(r => r.Title == Title) is { } existing)
        {
            return existing.Id;
        }

        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var review = GeneratedReviews.Small(Title, await db.SelectCommittees.FirstAsync(), new YearMonth(2025, 1), linkOfficer.Id, null, null, null, null);
        var round = review.Rounds.Single();
        round.Status = RoundStatus.Open;
        var actions = review.Recommendations.Single().Actions;
        actions[0].Updates.Add(new ProgressUpdate { Round = round, Evidence = AcceptedEvidence, Grade = Grade.Slipped, Explanation = "Staff <left> in May.", Status = UpdateStatus.Accepted });
        actions[1].Updates.Add(new ProgressUpdate { Round = round, Evidence = NotAcceptedEvidence[0], Grade = Grade.OnTrack, Status = UpdateStatus.Draft });
        actions[2].Updates.Add(new ProgressUpdate { Round = round, Evidence = NotAcceptedEvidence[1], Grade = Grade.FullyAchieved, Status = UpdateStatus.Submitted });
        actions[3].Updates.Add(new ProgressUpdate { Round = round, Evidence = NotAcceptedEvidence[2], Grade = Grade.NotAchieved, Status = UpdateStatus.Returned });
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    });

    private async Task<IDocument> ReportAsync(string email, string query = "")
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(email);
        return await client.GetDocumentAsync($"/reviews/{await ReviewIdAsync()}/report{query}");
    }

    private static List<IElement> EvidenceCells(IDocument page) => [.. page.QuerySelectorAll("main .app-report-table__evidence")];

    [Fact]
    public async Task Drafts_are_hidden_from_committee_members_even_when_they_ask_for_them()
    {
        var page = await ReportAsync(DemoUsers.CommitteeMemberEmail, "?drafts=true");

        var text = page.QuerySelector("main")!.TextContent;
        foreach (var evidence in NotAcceptedEvidence)
        {
            text.ShouldNotContain(evidence);
        }

        page.QuerySelectorAll("main .app-draft-tag").ShouldBeEmpty();
        page.QuerySelector("input[name=drafts]").ShouldBeNull();
        EvidenceCells(page).Skip(1).ShouldAllBe(cell => cell.TextContent.Trim() == "No progress reported yet.");
        page.QuerySelectorAll("#grade-summary td")[4].TextContent.ShouldBe("3", "the three unaccepted grades count as not graded");
    }

    [Fact]
    public async Task Officers_see_drafts_only_when_they_ask_and_each_is_marked_Draft()
    {
        var withoutDrafts = await ReportAsync(DemoUsers.ScrutinyOfficerEmail);
        withoutDrafts.QuerySelector("main")!.TextContent.ShouldNotContain(NotAcceptedEvidence[0]);
        withoutDrafts.QuerySelector("input[name=drafts]").ShouldNotBeNull();

        var page = await ReportAsync(DemoUsers.ScrutinyOfficerEmail, "?drafts=true");

        var cells = EvidenceCells(page);
        cells[0].QuerySelector(".app-draft-tag").ShouldBeNull("an accepted update is not a draft");
        foreach (var (cell, evidence) in cells.Skip(1).Zip(NotAcceptedEvidence))
        {
            cell.TextContent.ShouldContain(evidence);
            cell.QuerySelector(".app-draft-tag")!.TextContent.ShouldBe("Draft");
            cell.QuerySelector(".app-draft-note")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        page.QuerySelector("input[name=drafts]")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("main .govuk-warning-text")!.TextContent.ShouldContain("not yet accepted");
    }

    [Fact]
    public async Task Link_officers_may_include_drafts_of_their_own_reviews()
    {
        var page = await ReportAsync(DemoUsers.LinkOfficerEmail, "?drafts=true");

        page.QuerySelector("main")!.TextContent.ShouldContain(NotAcceptedEvidence[1]);
    }

    [Fact]
    public async Task Evidence_and_explanations_are_encoded_and_keep_their_line_breaks()
    {
        var page = await ReportAsync(DemoUsers.CommitteeMemberEmail);

        var evidence = page.QuerySelector("main .app-evidence")!;
        evidence.QuerySelectorAll("p").Select(p => p.TextContent).ShouldBe(["Accepted line one", "Accepted <b>line</b> two"]);
        evidence.TextContent.ShouldBe(AcceptedEvidence);
        evidence.QuerySelector("b").ShouldBeNull();
        var grade = page.QuerySelectorAll("main .app-report-table tbody tr").Last().QuerySelectorAll("td")[0];
        grade.TextContent.ShouldContain("3 Slipped");
        grade.QuerySelector(".app-report-table__explanation")!.TextContent.ShouldBe("Staff <left> in May.");
    }
}
