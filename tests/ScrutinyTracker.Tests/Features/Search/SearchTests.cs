using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Public;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Search;

public sealed class SearchTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private const string Paragraph =
        "The council trained forty wardens in April. The wardens now patrol the riverside path every evening, "
        + "and reported dumping fell by a third against the same months last year.";

    /// <summary>A review whose second action has <paramref name="evidence"/> accepted, others sharing some of its words.</summary>
    private async Task<(int ReviewId, int ActionId, int RoundId)> AddReviewWithEvidenceAsync(string title, string evidence, string? linkOfficerEmail = null) =>
        await app.WithDbAsync(async db =>
        {
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == (linkOfficerEmail ?? DemoUsers.LinkOfficerEmail));
            var review = GeneratedReviews.Small(title, await db.SelectCommittees.FirstAsync(), new YearMonth(2024, 1), linkOfficer.Id, Grade.OnTrack, Grade.Slipped, Grade.OnTrack);
            var actions = review.Recommendations.Single().Actions;
            actions[0].Updates.Single().Evidence = "Wardens were recruited; the riverside path has new signs.";
            actions[1].Updates.Single().Evidence = evidence;
            actions[2].AgreedAction = "Every evening, wardens now patrol the path by the riverside";
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            return (review.Id, actions[1].Id, review.Rounds.Single().Id);
        });

    private async Task<IDocument> SearchAsync(string email, string query) =>
        await (await app.SignedInAsync(email)).GetDocumentAsync($"/search?q={Uri.EscapeDataString(query)}");

    private static List<string> Links(IDocument page) =>
        [.. page.QuerySelectorAll("#search-results li h3 a").Select(a => a.GetAttribute("href")!)];

    private static string Text(IDocument page) => page.QuerySelector("main")!.TextContent;

    [Fact]
    public async Task A_phrase_from_an_evidence_paragraph_finds_its_action_first_with_the_words_marked()
    {
        var (reviewId, actionId, roundId) = await AddReviewWithEvidenceAsync("Search review of river wardens", Paragraph);
        await AddReviewWithEvidenceAsync("Search review of other wardens", "The wardens met once. Dumping on the path was reported in April.");

        var page = await SearchAsync(DemoUsers.CommitteeMemberEmail, "wardens now patrol the riverside path every evening");

        var links = Links(page);
        links.Count.ShouldBeGreaterThan(1, "the action whose agreed action has these words matches too");
        links[0].ShouldBe($"/reviews/{reviewId}/report?round={roundId}#action-{actionId}");
        var first = page.QuerySelector("#search-results li")!;
        first.QuerySelectorAll("mark").Select(m => m.TextContent).ShouldContain("patrol");
        first.TextContent.ShouldContain("Evidence of Progress");
        page.QuerySelector("#result-count")!.TextContent.ShouldContain("results for");

        var report = await (await app.SignedInAsync(DemoUsers.CommitteeMemberEmail)).GetDocumentAsync(links[0]);
        report.GetElementById($"action-{actionId}").ShouldNotBeNull("the link's anchor is the action in its report");
    }

    [Fact]
    public async Task Typed_text_is_shown_encoded_and_query_syntax_is_only_words()
    {
        await AddReviewWithEvidenceAsync("Search review with markup", "Quixotic <script>alert(1)</script> <b>bold</b> NEAR(evidence)");
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var response = await client.GetAsync("/search?q=quixotic");
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<mark class=\"app-search-match\">Quixotic</mark>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldNotContain("<b>bold</b>");
        foreach (var query in new[] { "\"quixotic", "quixotic NEAR(", "title:quixotic", "quixotic OR NOT AND", "quix*", "(", "\"\"", "^quixotic -x" })
        {
            (await client.GetAsync($"/search?q={Uri.EscapeDataString(query)}")).StatusCode.ShouldBe(HttpStatusCode.OK, query);
        }

        Links(await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("NEAR(evidence) quixotic"))).Count.ShouldBe(1, "NEAR is a word here");
    }

    [Fact]
    public async Task Each_searcher_finds_only_what_they_may_read()
    {
        var published = await app.AddAsync("Search review published with drafts");
        await app.PublishAsync(published);
        var unpublished = await app.AddAsync("Search review not published");
        var notTheirs = await AddReviewWithEvidenceAsync("Search review of another link officer", "Kookaburra evidence", DemoUsers.AdministratorEmail);
        var anonymous = app.CreateBrowser();

        foreach (var hidden in PublicReviewData.Hidden.Where(h => !h.Contains("explanation") && !h.Contains("comment")))
        {
            var word = hidden.Split(' ')[0];
            Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, word)).Count.ShouldBe(2, $"{word}: officers see every update of both reviews");
            Links(await SearchAsync(DemoUsers.LinkOfficerEmail, word)).Count.ShouldBe(2, $"{word}: the link officer of both reviews sees their updates");
            Links(await SearchAsync(DemoUsers.CommitteeMemberEmail, word)).ShouldBeEmpty($"{word}: committee members read accepted updates only");
            Links(await anonymous.GetDocumentAsync($"/public/search?q={word}")).ShouldBeEmpty($"{word}: the public reads accepted updates only");
        }

        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "Axolotl")).ShouldBeEmpty("return comments are not searched");

        var officerLink = Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "Zebracrossing")).Single(l => l.Contains($"/reviews/{published}/"));
        officerLink.ShouldContain("drafts=true", Case.Sensitive, "a draft is in the report with drafts only");

        Links(await SearchAsync(DemoUsers.CommitteeMemberEmail, "\"partnership met in June\"")).Count.ShouldBe(2);
        var publicLinks = Links(await anonymous.GetDocumentAsync("/public/search?q=%22partnership+met+in+June%22"));
        publicLinks.ShouldHaveSingleItem().ShouldStartWith($"/public/reviews/{published}?round=");
        Text(await anonymous.GetDocumentAsync("/public/search?q=Search+review")).ShouldNotContain("not published");
        Links(await anonymous.GetDocumentAsync($"/public/search?q=Kookaburra")).ShouldBeEmpty();

        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "Kookaburra")).ShouldHaveSingleItem();
        Links(await SearchAsync(DemoUsers.CommitteeMemberEmail, "Kookaburra")).ShouldHaveSingleItem();
        Links(await SearchAsync(DemoUsers.LinkOfficerEmail, "Kookaburra")).ShouldBeEmpty("a link officer sees only the reviews they are assigned to");
        Text(await SearchAsync(DemoUsers.LinkOfficerEmail, "another link officer")).ShouldNotContain("Search review of another link officer");
        unpublished.ShouldNotBe(published);

        await app.WithdrawAsync(published);
        Links(await anonymous.GetDocumentAsync("/public/search?q=%22partnership+met+in+June%22")).ShouldBeEmpty("withdrawn at once");
    }

    [Fact]
    public async Task A_change_is_searchable_at_once_and_what_it_replaced_is_not()
    {
        var (reviewId, actionId, _) = await AddReviewWithEvidenceAsync("Search review of wombats", "Wombat census complete");
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "census")).ShouldHaveSingleItem();
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "wombats")).Count.ShouldBe(3, "the title, the recommendation (\"That Search review of wombats be done.\") and the evidence");

        await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.SingleAsync(u => u.PlanActionId == actionId);
            update.Evidence = "Platypus survey under way";
            (await db.Reviews.SingleAsync(r => r.Id == reviewId)).Title = "Search review of echidnas";
            (await db.PlanActions.SingleAsync(a => a.Id == actionId)).SuccessMeasure = "Monotremes counted";
            await db.SaveChangesAsync();
        });

        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "census")).ShouldBeEmpty();
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "platypus")).ShouldHaveSingleItem().ShouldContain($"#action-{actionId}");
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "echidnas")).ShouldHaveSingleItem();
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "wombats")).ShouldHaveSingleItem("the recommendation's text is unchanged");
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "monotremes")).ShouldHaveSingleItem().ShouldContain($"#action-{actionId}");

        await app.WithDbAsync(async db =>
        {
            db.ProgressUpdates.Remove(await db.ProgressUpdates.SingleAsync(u => u.PlanActionId == actionId));
            await db.SaveChangesAsync();
        });
        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "platypus")).ShouldBeEmpty("a deleted update leaves the index with it");
    }

    [Fact]
    public async Task Filters_by_committee_grade_and_status_and_pages_of_twenty()
    {
        var (reviewId, _, _) = await AddReviewWithEvidenceAsync("Search review of filters", "Gnu evidence one");
        var committee = await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.SelectCommitteeId).SingleAsync());
        var other = await app.WithDbAsync(db => db.SelectCommittees.Where(c => c.Id != committee).Select(c => c.Id).FirstAsync());
        await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.SingleAsync(u => u.Evidence == "Wardens were recruited; the riverside path has new signs." && u.Round!.ReviewId == reviewId);
            update.Evidence = "Gnu evidence two";
            await db.SaveChangesAsync();
        });

        Links(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "gnu")).Count.ShouldBe(2);
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        Links(await officer.GetDocumentAsync($"/search?q=gnu&committee={committee}")).Count.ShouldBe(2);
        Links(await officer.GetDocumentAsync($"/search?q=gnu&committee={other}")).ShouldBeEmpty();
        Links(await officer.GetDocumentAsync("/search?q=gnu&grade=3")).ShouldHaveSingleItem();
        Links(await officer.GetDocumentAsync("/search?q=gnu&grade=2")).ShouldHaveSingleItem();
        Links(await officer.GetDocumentAsync("/search?q=gnu&status=Accepted")).Count.ShouldBe(2);
        Links(await officer.GetDocumentAsync("/search?q=gnu&status=Draft")).ShouldBeEmpty();
        Links(await officer.GetDocumentAsync("/search?q=gnu&grade=abc&committee=x&status=5&page=-1")).Count.ShouldBe(2, "values that cannot be read are ignored");
        (await SearchAsync(DemoUsers.CommitteeMemberEmail, "gnu")).GetElementById("search-status").ShouldBeNull("committee members see accepted updates only");

        await app.WithDbAsync(async db =>
        {
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == DemoUsers.LinkOfficerEmail);
            var first = await db.SelectCommittees.FirstAsync();
            for (var i = 0; i < 25; i++)
            {
                db.Reviews.Add(GeneratedReviews.Small($"Search review of ibis {i}", first, new YearMonth(2024, 1), linkOfficer.Id, Grade.OnTrack));
            }

            await db.SaveChangesAsync();
        });
        var firstPage = await officer.GetDocumentAsync("/search?q=ibis");
        Links(firstPage).Count.ShouldBe(20);
        firstPage.QuerySelector("#result-count")!.TextContent.ShouldStartWith("50 results", Case.Sensitive, "each review's title and its recommendation");
        var secondPage = await officer.GetDocumentAsync("/search?q=ibis&page=3");
        Links(secondPage).Count.ShouldBe(10);
        Links(firstPage).Intersect(Links(await officer.GetDocumentAsync("/search?q=ibis&page=2"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_search_pages_answer_without_words_and_the_public_one_without_signing_in()
    {
        var officer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);
        var empty = await officer.GetDocumentAsync("/search");
        empty.QuerySelector("h1")!.TextContent.ShouldBe("Search reviews");
        empty.GetElementById("search-results").ShouldBeNull();
        empty.GetElementById("header-search").ShouldNotBeNull("the header's search box");

        var anonymous = app.CreateBrowser();
        (await anonymous.GetAsync("/search?q=x")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the signed-in search needs an account");
        var publicPage = await anonymous.GetDocumentAsync("/public/search");
        publicPage.QuerySelector("h1")!.TextContent.ShouldBe("Search published reviews");
        publicPage.GetElementById("header-search").ShouldBeNull("no header search for the public");
        (await anonymous.GetDocumentAsync("/public")).QuerySelector("form[action='/public/search'] input[name=q]").ShouldNotBeNull();
    }
}
