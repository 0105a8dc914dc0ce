using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Search;

/// <summary>The app with a search cap of 25 hits (decision 0022), counting its SQL commands.</summary>
public sealed class SearchCapAppFactory : QueryCountingAppFactory
{
    public const int Cap = 25;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Search:MaxResults", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// A broad search ranks and pages at most the cap's hits and says so; the cap is taken after the
/// searcher's rights, so a searcher who may read few of the matches still sees all of theirs.
/// </summary>
public sealed class SearchCapTests(SearchCapAppFactory app) : IClassFixture<SearchCapAppFactory>
{
    /// <summary>Reviews titled "Search review of {word} i": each matches <paramref name="word"/> in its title and its recommendation.</summary>
    private Task<List<int>> AddReviewsAsync(string word, int count, string linkOfficerEmail = DemoUsers.LinkOfficerEmail, bool published = false, string? evidence = null,
        UpdateStatus status = UpdateStatus.Accepted) =>
        app.WithDbAsync(async db =>
        {
            var linkOfficer = await db.Users.SingleAsync(u => u.Email == linkOfficerEmail);
            var committee = await db.SelectCommittees.FirstAsync();
            var reviews = new List<Review>();
            for (var i = 0; i < count; i++)
            {
                var review = GeneratedReviews.Small($"Search review of {word} {i}", committee, new YearMonth(2024, 1), linkOfficer.Id, Grade.OnTrack);
                foreach (var update in review.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Updates))
                {
                    update.Evidence = evidence ?? update.Evidence;
                    update.Status = status;
                }

                review.PublishedAtUtc = published ? DateTime.UtcNow : null;
                reviews.Add(review);
            }

            db.Reviews.AddRange(reviews);
            await db.SaveChangesAsync();
            return reviews.Select(r => r.Id).ToList();
        });

    private async Task<IDocument> SearchAsync(string email, string query) =>
        await (await app.SignedInAsync(email)).GetDocumentAsync($"/search?q={Uri.EscapeDataString(query)}");

    private static List<string> Links(IDocument page) =>
        [.. page.QuerySelectorAll("#search-results li h3 a").Select(a => a.GetAttribute("href")!)];

    private static string Count(IDocument page) => page.QuerySelector("#result-count")!.TextContent;

    [Fact]
    public async Task More_matches_than_the_cap_say_so_and_page_within_it()
    {
        await AddReviewsAsync("capybara", 15);
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var first = await officer.GetDocumentAsync("/search?q=capybara");
        Count(first).ShouldStartWith("More than 25 results for capybara", Case.Sensitive, "30 texts match: 15 titles and 15 recommendations");
        first.GetElementById("result-cap")!.TextContent.ShouldBe("Only the first 25 are shown. Add words or choose a filter to narrow your search.");
        Links(first).Count.ShouldBe(20);
        first.QuerySelectorAll(".govuk-pagination__item").Length.ShouldBe(2, "two pages: 20 and the cap's last 5");

        var second = await officer.GetDocumentAsync("/search?q=capybara&page=2");
        Links(second).Count.ShouldBe(5);
        second.QuerySelector("#search-results")!.GetAttribute("start").ShouldBe("21");
        Links(second).Intersect(Links(first)).ShouldBeEmpty();
        var past = await officer.GetDocumentAsync("/search?q=capybara&page=3");
        past.GetElementById("past-last-page")!.TextContent.ShouldBe("There is no page 3 of these results, so the first page is shown.");
        Count(past).ShouldStartWith("More than 25 results for capybara", Case.Sensitive, "not \"0 results\": a page past the end still counts them");
        Links(past).ShouldBe(Links(first));
        past.QuerySelector(".govuk-pagination__item--current a")!.TextContent.ShouldBe("1");
    }

    [Fact]
    public async Task As_many_matches_as_the_cap_are_counted_exactly_and_one_more_is_over_it()
    {
        await AddReviewsAsync("okapi", 11);
        await AddReviewsAsync("other", 1, evidence: "Okapi evidence");
        await AddReviewsAsync("other", 1, evidence: "Okapi evidence");
        await AddReviewsAsync("other", 1, evidence: "Okapi evidence");

        var exact = await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "okapi");
        Count(exact).ShouldStartWith("25 results for okapi", Case.Sensitive, "11 titles, 11 recommendations and 3 evidence");
        exact.GetElementById("result-cap").ShouldBeNull();

        await AddReviewsAsync("other", 1, evidence: "Okapi evidence");
        var over = await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "okapi");
        Count(over).ShouldStartWith("More than 25 results for okapi");
        over.GetElementById("result-cap").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_cap_comes_after_the_rights_so_a_searcher_with_few_matches_sees_all_of_theirs()
    {
        // Many matches nobody but officers may read, written before (so found before) the few that others may.
        await AddReviewsAsync("tapir", 30, linkOfficerEmail: DemoUsers.AdministratorEmail, evidence: "Tapir draft evidence", status: UpdateStatus.Draft);
        var theirs = await AddReviewsAsync("tapir mine", 2, published: true, evidence: "Tapir accepted evidence");

        Count(await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "tapir")).ShouldStartWith("More than 25 results");

        var linkOfficer = await SearchAsync(DemoUsers.LinkOfficerEmail, "tapir");
        Count(linkOfficer).ShouldStartWith("6 results", Case.Sensitive, "the link officer's 2 reviews: title, recommendation and evidence each");
        linkOfficer.GetElementById("result-cap").ShouldBeNull();
        Links(linkOfficer).ShouldAllBe(l => theirs.Any(id => l.StartsWith($"/reviews/{id}/")));

        var committee = await SearchAsync(DemoUsers.CommitteeMemberEmail, "tapir evidence");
        Count(committee).ShouldStartWith("2 results", Case.Sensitive, "committee members read accepted evidence only, and the 30 drafts come first in the index");
        Links(committee).ShouldAllBe(l => theirs.Any(id => l.StartsWith($"/reviews/{id}/")));

        var anonymous = await app.CreateBrowser().GetDocumentAsync("/public/search?q=tapir");
        Count(anonymous).ShouldStartWith("6 results", Case.Sensitive, "the public reads the 2 published reviews only");
        Links(anonymous).ShouldAllBe(l => theirs.Any(id => Regex.IsMatch(l, $@"^/public/reviews/{id}([?#]|$)")));
    }

    [Fact]
    public async Task Texts_holding_the_words_as_a_phrase_come_first_even_beyond_the_cap()
    {
        await AddReviewsAsync("quokka", 30, evidence: "Quokka counts rose; the island ferry was late");
        var phraseReview = (await AddReviewsAsync("ferry", 1, evidence: "The quokka ferry now runs daily")).Single();

        var page = await SearchAsync(DemoUsers.ScrutinyOfficerEmail, "quokka ferry");

        Count(page).ShouldStartWith("More than 25 results");
        Links(page)[0].ShouldStartWith($"/reviews/{phraseReview}/report", Case.Sensitive, "the one text with the phrase, written last, is found first");
    }

    [Fact]
    public async Task A_capped_search_sends_the_same_commands_as_a_small_one()
    {
        await AddReviewsAsync("wallaby", 2);
        var small = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, "/search?q=wallaby");
        await AddReviewsAsync("wallaby", 40);
        var capped = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, "/search?q=wallaby");
        var cappedPhrase = await app.CommandsForPageAsync(DemoUsers.ScrutinyOfficerEmail, "/search?q=wallaby+review");

        small.Count.ShouldBeGreaterThan(0);
        capped.Count.ShouldBe(small.Count, string.Join("\n---\n", capped));
        cappedPhrase.Count.ShouldBe(small.Count, string.Join("\n---\n", cappedPhrase));
    }
}
