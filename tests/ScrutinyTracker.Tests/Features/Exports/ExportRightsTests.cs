using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Exports;

/// <summary>
/// An export holds what the page it comes from shows to the reader: the report's drafts rules, the
/// dashboard's filters and link officers' own reviews, a committee pack's accepted updates.
/// </summary>
public sealed class ExportRightsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Title = "Export drafts review";
    private const string OtherTitle = "Someone else's export review";
    private static readonly string[] NotAccepted = ["Evidence still a draft", "Evidence submitted for checking", "Evidence returned for changes"];

    private async Task<int> ReviewIdAsync()
    {
        if (await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == Title).Select(r => (int?)r.Id).SingleOrDefaultAsync()) is { } id)
        {
            return id;
        }

        await app.AddReviewAsync(OtherTitle, new YearMonth(2024, 2), review =>
        {
            review.LinkOfficers.Clear();
            review.Recommendations.Add(TestReviews.Recommendation(1, "That no one else sees this.", new PlanAction
            {
                Responsibility = "Another Manager", TargetDate = "June 2024", AgreedAction = "Another action", SuccessMeasure = "Done",
            }));
        });
        return await app.AddReviewAsync(Title, new YearMonth(2024, 1), review =>
        {
            var round = new Round { Label = "January 2025", DueDate = new DateOnly(2025, 1, 31), Status = RoundStatus.Open };
            review.Rounds.Add(round);
            var statuses = new[] { UpdateStatus.Accepted, UpdateStatus.Draft, UpdateStatus.Submitted, UpdateStatus.Returned };
            var actions = statuses.Select((status, i) => new PlanAction
            {
                Responsibility = "Service Manager", TargetDate = "June 2024", AgreedAction = $"Action {i + 1}", SuccessMeasure = "Done", Position = i,
                Updates = [new ProgressUpdate { Round = round, Evidence = i == 0 ? "Accepted evidence" : NotAccepted[i - 1], Grade = Grade.OnTrack, Status = status }],
            });
            review.Recommendations.Add(TestReviews.Recommendation(1, "That exports respect rights.", [.. actions]));
        });
    }

    private async Task<HttpResponseMessage> GetAsync(string email, string url)
    {
        var client = await app.SignedInAsync(email);
        return await client.GetAsync(url);
    }

    private async Task<Spreadsheets.Sheet> CsvAsync(string email, string url, string fileName) =>
        Spreadsheets.ReadCsv(await (await GetAsync(email, url)).ShouldBeAttachmentAsync("text/csv", fileName));

    [Fact]
    public async Task Committee_members_get_accepted_updates_only_even_when_they_ask_for_drafts()
    {
        var sheet = await CsvAsync(DemoUsers.CommitteeMemberEmail, $"/reviews/{await ReviewIdAsync()}/actions.csv?drafts=true", $"{Title} - Actions by round.csv");

        sheet.Rows.Select(r => r["Evidence"]).ShouldBe(["Accepted evidence", null, null, null]);
        sheet.Rows.Skip(1).ShouldAllBe(r => r["Status"] == "No progress reported yet." && r["Grade"] == null);
    }

    [Fact]
    public async Task Officers_and_link_officers_get_drafts_when_they_ask_each_marked_Draft()
    {
        var id = await ReviewIdAsync();
        (await CsvAsync(DemoUsers.ScrutinyOfficerEmail, $"/reviews/{id}/actions.csv", $"{Title} - Actions by round.csv"))
            .Rows.Select(r => r["Evidence"]).ShouldBe(["Accepted evidence", null, null, null], "drafts only when asked for");

        foreach (var email in new[] { DemoUsers.ScrutinyOfficerEmail, DemoUsers.LinkOfficerEmail })
        {
            var sheet = await CsvAsync(email, $"/reviews/{id}/actions.csv?drafts=true", $"{Title} - Actions by round - Draft.csv");
            sheet.Rows.Select(r => r["Evidence"]).ShouldBe(["Accepted evidence", .. NotAccepted]);
            sheet.Rows[0]["Status"].ShouldBe("Accepted");
            sheet.Rows.Skip(1).ShouldAllBe(r => r["Status"]!.StartsWith("Draft: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_link_officer_gets_not_found_for_another_review_and_only_their_own_reviews_from_the_dashboard()
    {
        await ReviewIdAsync();
        var otherId = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == OtherTitle).Select(r => r.Id).SingleAsync());

        (await GetAsync(DemoUsers.LinkOfficerEmail, $"/reviews/{otherId}/actions.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(DemoUsers.LinkOfficerEmail, $"/reviews/{otherId}/actions.csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var date = Web.Infrastructure.UkTime.Date(Web.Infrastructure.UkTime.Today(TimeProvider.System));
        var own = await CsvAsync(DemoUsers.LinkOfficerEmail, "/dashboard/actions.csv", $"Dashboard {date} - Actions by round.csv");
        own.Rows.Select(r => r["Review"]).ShouldNotContain(OtherTitle);
        own.Rows.Select(r => r["Review"]).ShouldContain(Title);
        var all = await CsvAsync(DemoUsers.CommitteeMemberEmail, "/dashboard/actions.csv", $"Dashboard {date} - Actions by round.csv");
        all.Rows.Select(r => r["Review"]).ShouldContain(OtherTitle);
        all.Rows.Select(r => r["Evidence"]).ShouldNotContain(NotAccepted[0], "the dashboard counts accepted updates only");
    }

    [Fact]
    public async Task The_dashboard_export_holds_every_review_its_filters_select_on_every_page_in_its_order()
    {
        await ReviewIdAsync();
        var (committeeId, expected) = await app.WithDbAsync(async db =>
        {
            var committee = await db.Reviews.Where(r => r.Title == "Hate Crime").Select(r => r.SelectCommitteeId).SingleAsync();
            var titles = await db.Reviews.Where(r => r.SelectCommitteeId == committee).Select(r => r.Title).ToListAsync();
            return (committee, titles.Order(StringComparer.OrdinalIgnoreCase).ToList());
        });

        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var dashboard = await client.GetDocumentAsync($"/dashboard?committee={committeeId}&sort=title");
        var link = dashboard.QuerySelectorAll("#dashboard-downloads a").Select(a => a.GetAttribute("href")!).First(h => h.Contains(".xlsx"));
        link.ShouldBe($"/dashboard/actions.xlsx?committee={committeeId}&sort=title");
        var sheet = Spreadsheets.ReadWorkbook(await (await client.GetAsync(link)).ShouldBeAttachmentAsync(Spreadsheets.ExcelType,
            $"Dashboard {Web.Infrastructure.UkTime.Date(Web.Infrastructure.UkTime.Today(TimeProvider.System))} - Actions by round.xlsx"));

        sheet.Rows.Select(r => r["Review"]).Distinct().ShouldBe(expected);
        sheet.Rows.ShouldAllBe(r => r["Select Committee"] == "Crime and Disorder Select Committee");
    }

    [Fact]
    public async Task The_report_links_to_its_exports_with_the_drafts_it_shows()
    {
        var id = await ReviewIdAsync();
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var links = (await client.GetDocumentAsync($"/reviews/{id}/report?drafts=true")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain($"/reviews/{id}/actions.xlsx?drafts=true");
        links.ShouldContain($"/reviews/{id}/actions.csv?drafts=true");
        (await client.GetDocumentAsync($"/reviews/{id}/report")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain($"/reviews/{id}/actions.xlsx");
    }

    [Fact]
    public async Task A_committee_packs_export_holds_its_reviews_round_with_accepted_updates_only()
    {
        await ReviewIdAsync();
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var committee = await app.WithDbAsync(db => db.Reviews.Where(r => r.Title == Title).Select(r => r.SelectCommitteeId).SingleAsync());
        var page = await client.GetDocumentAsync($"/committee-packs?committee={committee}&round=January+2025");
        page.QuerySelectorAll("main form[method=post] button").Select(b => b.TextContent.Trim())
            .ShouldBe(["Make the committee pack (PDF)", "Make the committee pack (Word)", "Download its actions (Excel)", "Download its actions (CSV)"]);

        var response = await client.SubmitFormAsync(page,
            [new("Form.MeetingDay", "12"), new("Form.MeetingMonth", "2"), new("Form.MeetingYear", "2025"), new("Form.Format", "Csv")],
            "main form[method=post]");
        var sheet = Spreadsheets.ReadCsv(await response.ShouldBeAttachmentAsync("text/csv", "Crime and Disorder Select Committee - Progress Updates - January 2025.csv"));

        sheet.Rows.Select(r => r["Review"]).Distinct().ShouldBe([Title]);
        sheet.Rows.ShouldAllBe(r => r["Round"] == "January 2025");
        sheet.Rows.Select(r => r["Evidence"]).ShouldBe(["Accepted evidence", null, null, null]);
    }
}
