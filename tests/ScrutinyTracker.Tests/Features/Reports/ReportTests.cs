using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Reports;

namespace ScrutinyTracker.Tests.Features.Reports;

public sealed class ReportTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly SeedDocument Seed = SeedDocument.LoadHateCrime();

    private Task<int> ReviewIdAsync(string title) =>
        app.WithDbAsync(db => db.Reviews.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    private async Task<IDocument> HateCrimeReportAsync(string email = DemoUsers.CommitteeMemberEmail)
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(email);
        return (await client.GetDocumentAsync($"/reviews/{await ReviewIdAsync("Hate Crime")}/report")).WithoutPhoneLayout();
    }

    /// <summary>The seed's actions in the document's order: each recommendation's own actions, then its parts' actions.</summary>
    private static IEnumerable<SeedAction> SeedActionsInOrder() => Seed.Recommendations
        .SelectMany(r => (r.Actions ?? []).Concat((r.Parts ?? []).SelectMany(p => p.Actions)));

    [Fact]
    public async Task Hate_Crime_report_contains_every_evidence_paragraph_of_the_seed_in_document_order()
    {
        var page = await HateCrimeReportAsync();

        var evidence = page.QuerySelectorAll("main .app-report .app-evidence").Select(e => e.TextContent).ToList();
        evidence.ShouldBe(SeedActionsInOrder().Select(a => a.Evidence!).ToList());

        var text = page.QuerySelector("main .app-report")!.TextContent;
        var position = 0;
        foreach (var paragraph in SeedActionsInOrder().SelectMany(a => a.Evidence!.Split("\n\n")))
        {
            var found = text.IndexOf(paragraph, position, StringComparison.Ordinal);
            found.ShouldBeGreaterThanOrEqualTo(0, $"missing or out of order: {paragraph}");
            position = found + paragraph.Length;
        }
    }

    [Fact]
    public async Task Hate_Crime_summary_counts_12_Fully_Achieved_2_On_Track_1_Slipped_1_Not_Achieved()
    {
        var page = await HateCrimeReportAsync();

        var counts = page.QuerySelectorAll("#grade-summary tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelector("td")!.TextContent.Trim());
        counts.ShouldBe(new Dictionary<string, string>
        {
            ["1 Fully Achieved"] = "12",
            ["2 On-Track"] = "2",
            ["3 Slipped"] = "1",
            ["4 Not Achieved"] = "1",
            ["Not graded"] = "0",
        });
        page.TextOf("#grade-changes").ShouldContain("first round");
    }

    [Fact]
    public async Task Report_lays_out_the_councils_document_in_its_order()
    {
        var page = await HateCrimeReportAsync();
        var report = page.QuerySelector("main .app-report")!;

        // The page's heading names the review; the council's heading stays inside the document, one level down.
        page.QuerySelectorAll("main h1").Select(h => h.TextContent).ShouldBe(["Hate Crime: progress update, March 2020"]);
        page.Title.ShouldStartWith("Hate Crime: progress update, March 2020");
        report.QuerySelector("h2")!.TextContent.ShouldBe("SCRUTINY MONITORING – PROGRESS UPDATE");
        var details = report.QuerySelector("table.app-report__details")!;
        details.QuerySelectorAll("th[scope=row]").Select(th => th.TextContent).ShouldBe(["Review:", "Link Officer/s:", "Action Plan Agreed:"]);
        details.QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe([Seed.Review, string.Join(", ", Seed.LinkOfficers), Seed.ActionPlanAgreed]);
        report.QuerySelector("p")!.TextContent.ShouldBe(Seed.Introduction);
        CouncilDocument.Introduction.ShouldBe(Seed.Introduction);

        var expectedHeadings = new[] { "H2 SCRUTINY MONITORING – PROGRESS UPDATE" }
            .Concat(Seed.Recommendations.SelectMany(r =>
                new[] { $"H3 Recommendation {r.Number}: {r.Text}" }.Concat((r.Parts ?? []).Select(p => $"H4 {p.Letter}) {p.Text}"))))
            .Append($"H3 {CouncilDocument.GradingsCaption}");
        report.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => $"{h.TagName} {h.TextContent}").ShouldBe(expectedHeadings);

        var tables = report.QuerySelectorAll("table.app-report-table");
        tables.Length.ShouldBe(10);
        foreach (var table in tables)
        {
            table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.ChildNodes[0].TextContent.Trim()).ShouldBe(
            [
                "Responsibility:", "Date:", "Agreed Action:", "Agreed Success Measure:",
                "Evidence of Progress (March 2020):", "Assessment of Progress (March 2020):",
            ]);
            table.QuerySelector("caption")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        var gradings = report.QuerySelectorAll("table").Last();
        gradings.PreviousElementSibling!.TextContent.ShouldBe("Assessment of Progress Gradings");
        gradings.QuerySelectorAll("th[scope=col]").Select(th => th.TextContent).ShouldBe(["1", "2", "3", "4"]);
        gradings.QuerySelectorAll("td").Select(td => td.TextContent).ShouldBe(["Fully Achieved", "On-Track", "Slipped", "Not Achieved"]);
    }

    [Fact]
    public async Task Parts_show_their_actions_side_by_side_under_their_column_headings_with_grades_in_number_and_words()
    {
        var page = await HateCrimeReportAsync();
        var partB = page.QuerySelectorAll("main table.app-report-table")[2];
        var seedPart = Seed.Recommendations[0].Parts![1];

        partB.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ShouldBe(seedPart.Actions.Select(a => a.Heading!));
        var rows = partB.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        rows[0].ShouldBe(seedPart.Actions.Select(a => a.Responsibility));
        rows[1].ShouldBe(seedPart.Actions.Select(a => a.Date));
        rows[2].ShouldBe(seedPart.Actions.Select(a => a.AgreedAction));
        rows[3].ShouldBe(seedPart.Actions.Select(a => a.SuccessMeasure));
        rows[5].Select(cell => cell.Split('\n')[0].Trim()).ShouldBe(["1 Fully Achieved", "4 Not Achieved", "1 Fully Achieved", "1 Fully Achieved"]);
        rows[5].Select(cell => cell.Contains("Signed off by the Crime and Disorder Select Committee on 15 April 2020")).ShouldBe([true, false, true, true]);
    }

    [Fact]
    public async Task On_a_phone_each_action_shows_its_heading_then_its_rows()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);
        var page = await client.GetDocumentAsync($"/reviews/{await ReviewIdAsync("Hate Crime")}/report");
        var seedPart = Seed.Recommendations[0].Parts![1];

        // The phone rendering of part b follows its table (the third of the document).
        var cards = page.QuerySelectorAll("main table.app-report-table")[2].Closest(".app-wide-only")!.NextElementSibling!;
        cards.ClassList.ShouldContain("app-narrow-only");
        var actions = cards.QuerySelectorAll(".app-action-card");
        actions.Select(a => a.QuerySelector("h5")!.TextContent).ShouldBe(seedPart.Actions.Select(a => a.Heading!), "under the part's h4 (the report page's h1 names the review)");
        foreach (var (card, action) in actions.Zip(seedPart.Actions))
        {
            card.QuerySelectorAll("dt").Select(dt => dt.TextContent.Trim().Split('\n')[0]).ShouldBe(
            [
                "Responsibility:", "Date:", "Agreed Action:", "Agreed Success Measure:",
                "Evidence of Progress (March 2020):", "Assessment of Progress (March 2020):",
            ]);
            var values = card.QuerySelectorAll("dd").Select(dd => dd.TextContent.Trim()).ToList();
            values[..4].ShouldBe([action.Responsibility, action.Date, action.AgreedAction, action.SuccessMeasure]);
            values[4].ShouldBe(action.Evidence!);
            var grade = (Grade)action.Grade!.Value;
            card.QuerySelector("dd .app-grade")!.TextContent.ShouldBe($"{(int)grade} {grade.Label()}");
        }
    }

    [Fact]
    public async Task Report_for_a_round_of_another_review_is_not_found()
    {
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);
        var flyTippingRound = await app.WithDbAsync(db => db.Rounds.Where(r => r.Review!.Title == "Tackling Fly-tipping").Select(r => r.Id).SingleAsync());

        var response = await client.GetAsync($"/reviews/{await ReviewIdAsync("Hate Crime")}/report?round={flyTippingRound}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_review_without_a_round_shows_its_plan_without_progress_rows()
    {
        var reviewId = await app.WithDbAsync(async db =>
        {
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            var review = GeneratedReviews.Small("Plan only", await db.SelectCommittees.FirstAsync(), new YearMonth(2026, 1), linkOfficer.Id, Grade.OnTrack);
            review.Rounds.Clear();
            review.Recommendations.Single().Actions.Single().Updates.Clear();
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.CommitteeMemberEmail);

        var page = await client.GetDocumentAsync($"/reviews/{reviewId}/report");

        page.TextOf("main .govuk-inset-text").ShouldContain("no monitoring round yet");
        page.QuerySelectorAll("main .app-report-table tbody th[scope=row]").Select(th => th.TextContent)
            .ShouldBe(["Responsibility:", "Date:", "Agreed Action:", "Agreed Success Measure:"]);
        page.QuerySelector("#grade-summary").ShouldBeNull();
    }

    [Fact]
    public async Task Report_links_to_the_history_and_the_pdf_of_the_round_shown()
    {
        var page = await HateCrimeReportAsync();
        var id = await ReviewIdAsync("Hate Crime");
        var round = await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == id && r.Label == "March 2020").Select(r => r.Id).SingleAsync());

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain($"/reviews/{id}/history");
        links.ShouldContain($"/reviews/{id}/report.pdf?round={round}");
    }

    [Fact]
    public async Task Document_partial_renders_without_the_summary_or_anything_of_the_signed_in_user()
    {
        var page = await HateCrimeReportAsync();
        var document = page.QuerySelector("main .app-report")!;

        document.QuerySelector("form, #grade-summary, nav").ShouldBeNull();
        document.TextContent.ShouldNotContain(DemoUsers.CommitteeMemberEmail);
    }
}
