using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Public;

public sealed class OpenDataTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>
    /// A considered first round with four accepted grades, then an open round in which the first action
    /// has a newer accepted update and the second a draft: the second's latest public grade is the first round's.
    /// </summary>
    private async Task<int> AddTwoRoundReviewAsync(string title) => await app.WithDbAsync(async db =>
    {
        var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
        var committee = await db.SelectCommittees.FirstAsync();
        var review = GeneratedReviews.Small(title, committee, new YearMonth(2024, 1), linkOfficer.Id, Grade.OnTrack, Grade.Slipped, Grade.FullyAchieved, Grade.NotAchieved);
        TestReviews.ConsiderClosedRounds(review, committee);
        var second = new Round { Label = "July 2025", DueDate = new DateOnly(2025, 7, 31), Status = RoundStatus.Open };
        review.Rounds.Add(second);
        var actions = review.Recommendations.Single().Actions;
        actions[0].Updates.Add(new ProgressUpdate { Round = second, Evidence = "Newer accepted evidence", Grade = Grade.FullyAchieved, Status = UpdateStatus.Accepted });
        actions[1].Updates.Add(new ProgressUpdate { Round = second, Evidence = PublicReviewData.Hidden[0], Grade = Grade.FullyAchieved, Status = UpdateStatus.Draft });
        db.Reviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    });

    private static async Task<JsonElement> JsonAsync(HttpClient client)
    {
        var response = await client.GetAsync("/public/recommendations.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement;
    }

    private static List<JsonElement> RowsOf(JsonElement json, int reviewId) =>
        [.. json.GetProperty("actions").EnumerateArray().Where(r => r.GetProperty("review_id").GetInt32() == reviewId)];

    [Fact]
    public async Task The_JSON_rows_match_the_published_pages_of_their_rounds_and_the_CSV_matches_the_JSON()
    {
        var reviewId = await AddTwoRoundReviewAsync("Open data review of parks");
        await app.PublishAsync(reviewId);
        var anonymous = app.CreateBrowser();

        var json = await JsonAsync(anonymous);
        json.GetProperty("licence").GetProperty("name").GetString().ShouldBe("Open Government Licence v3.0");
        var rows = RowsOf(json, reviewId);
        rows.Select(r => r.GetProperty("agreed_action").GetString()).ShouldBe(["Action 1", "Action 2", "Action 3", "Action 4"]);
        rows.Select(r => r.GetProperty("grade").GetInt32()).ShouldBe([1, 3, 1, 4], "the latest accepted grade of each; the draft does not count");
        rows[0].GetProperty("grade_round").GetString().ShouldBe("July 2025");
        rows[1].GetProperty("evidence").GetString().ShouldBe("Evidence 2");
        foreach (var row in rows)
        {
            var page = (await anonymous.GetDocumentAsync($"/public/reviews/{reviewId}?round={row.GetProperty("grade_round_id").GetInt32()}")).WithoutPhoneLayout();
            var (evidence, assessment) = CellsOf(page, row.GetProperty("agreed_action").GetString()!);
            evidence.ShouldContain(row.GetProperty("evidence").GetString()!);
            assessment.ShouldContain(row.GetProperty("grade_words").GetString()!);
            page.QuerySelector("h1")!.TextContent.ShouldContain(row.GetProperty("grade_round").GetString()!);
        }

        var csv = Spreadsheets.ReadCsv(await (await anonymous.GetAsync("/public/recommendations.csv")).Content.ReadAsByteArrayAsync());
        var csvRows = csv.Rows.Where(r => r["review_id"] == $"{reviewId}").ToList();
        csvRows.Count.ShouldBe(rows.Count);
        foreach (var (csvRow, jsonRow) in csvRows.Zip(rows))
        {
            foreach (var property in jsonRow.EnumerateObject())
            {
                csvRow[property.Name].ShouldBe(property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.ToString(), property.Name);
            }

            csvRow["licence"]!.ShouldStartWith("Open Government Licence v3.0 https://");
        }
    }

    [Fact]
    public async Task The_open_data_and_feed_hold_nothing_not_public_and_nothing_of_unpublished_or_withdrawn_reviews()
    {
        var published = await app.AddAsync("Open data review with drafts");
        var unpublished = await AddTwoRoundReviewAsync("Open data review never published");
        var withdrawn = await AddTwoRoundReviewAsync("Open data review withdrawn");
        await app.PublishAsync(published);
        await app.PublishAsync(withdrawn);
        await app.WithdrawAsync(withdrawn);
        var anonymous = app.CreateBrowser();

        foreach (var url in new[] { "/public/recommendations.csv", "/public/recommendations.json", "/public/rounds.atom" })
        {
            var text = Encoding.UTF8.GetString(await (await anonymous.GetAsync(url)).Content.ReadAsByteArrayAsync());
            foreach (var hidden in PublicReviewData.Hidden)
            {
                text.ShouldNotContain(hidden, Case.Sensitive, url);
            }

            text.ShouldNotContain("never published", Case.Sensitive, url);
            text.ShouldNotContain("withdrawn", Case.Sensitive, url);
            text.ShouldNotContain(DemoUsers.LinkOfficerEmail, Case.Sensitive, url);
        }

        var json = await JsonAsync(anonymous);
        RowsOf(json, published).ShouldContain(r => r.GetProperty("evidence").GetString() == PublicReviewData.AcceptedEvidence);
        RowsOf(json, unpublished).ShouldBeEmpty();
    }

    [Fact]
    public async Task Withdrawal_removes_the_review_from_the_CSV_the_JSON_and_the_feed_at_once_even_for_a_reader_with_their_validators()
    {
        var reviewId = await AddTwoRoundReviewAsync("Open data review of allotments");
        await app.PublishAsync(reviewId);
        var anonymous = app.CreateBrowser();
        var urls = new[] { "/public/recommendations.csv", "/public/recommendations.json", "/public/rounds.atom" };
        var etags = new Dictionary<string, System.Net.Http.Headers.EntityTagHeaderValue>();
        foreach (var url in urls)
        {
            var before = await anonymous.GetAsync(url);
            (await before.Content.ReadAsStringAsync()).ShouldContain("Open data review of allotments", Case.Sensitive, url);
            etags[url] = before.Headers.ETag!;
        }

        await app.WithdrawAsync(reviewId);

        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etags[url]);
            var after = await anonymous.SendAsync(request);
            after.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: a reader's copy from before the withdrawal is stale");
            (await after.Content.ReadAsStringAsync()).ShouldNotContain("Open data review of allotments", Case.Sensitive, url);
        }

        RowsOf(await JsonAsync(anonymous), reviewId).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_feed_lists_the_closed_rounds_of_published_reviews_only()
    {
        var reviewId = await AddTwoRoundReviewAsync("Feed review of libraries");
        var hidden = await AddTwoRoundReviewAsync("Feed review not published");
        await app.PublishAsync(reviewId);
        var rounds = await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId).OrderBy(r => r.DueDate).Select(r => r.Id).ToListAsync());

        var response = await app.CreateBrowser().GetAsync("/public/rounds.atom");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        var ours = entries.Where(e => e.Element(Atom + "title")!.Value.StartsWith("Feed review", StringComparison.Ordinal)).ToList();
        ours.Count.ShouldBe(1, "the open round is not published yet, and the other review is not published");
        ours[0].Element(Atom + "title")!.Value.ShouldBe("Feed review of libraries: progress update, January 2025");
        ours[0].Element(Atom + "link")!.Attribute("href")!.Value.ShouldBe($"http://localhost/public/reviews/{reviewId}?round={rounds[0]}");
        entries.ShouldNotContain(e => e.Element(Atom + "id")!.Value.Contains($"/public/reviews/{hidden}?", StringComparison.Ordinal));
        feed.Root.Element(Atom + "updated").ShouldNotBeNull();
    }

    /// <summary>The Evidence and Assessment cells of the action whose Agreed Action is <paramref name="agreedAction"/>, in the wide table.</summary>
    private static (string Evidence, string Assessment) CellsOf(IDocument page, string agreedAction)
    {
        foreach (var table in page.QuerySelectorAll("main .app-report-table"))
        {
            var rows = table.QuerySelectorAll("tbody tr").ToList();
            IElement Row(string label) => rows.Single(r => r.QuerySelector("th")!.TextContent.Trim().StartsWith(label, StringComparison.Ordinal));
            var column = Row("Agreed Action:").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList().IndexOf(agreedAction);
            if (column >= 0)
            {
                return (Row("Evidence of Progress").QuerySelectorAll("td")[column].TextContent, Row("Assessment of Progress").QuerySelectorAll("td")[column].TextContent);
            }
        }

        throw new InvalidOperationException($"No action '{agreedAction}' on {page.Url}");
    }
}
