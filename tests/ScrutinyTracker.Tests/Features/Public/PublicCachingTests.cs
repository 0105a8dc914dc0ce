using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;

namespace ScrutinyTracker.Tests.Features.Public;

/// <summary>
/// The public pages are served from the output cache to readers who are not signed in (issue 17,
/// decision 0027): a second read sends no SQL, a withdrawal or a change shows at once, and nothing of a
/// signed-in reader's page is ever served to the public, nor the public's copy to a signed-in reader.
/// </summary>
public sealed class PublicCachingTests(QueryCountingAppFactory app) : IClassFixture<QueryCountingAppFactory>
{
    private async Task<(int Review, int Round)> PublishedAsync(string title)
    {
        var reviewId = await app.AddAsync(title);
        await app.PublishAsync(reviewId);
        return (reviewId, await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId).Select(r => r.Id).SingleAsync()));
    }

    [Fact]
    public async Task A_second_read_of_each_public_page_and_PDF_sends_no_SQL()
    {
        var (reviewId, roundId) = await PublishedAsync("Cached public review of parks");
        var anonymous = app.CreateBrowser();

        foreach (var url in PublicReviewData.UrlsOf(reviewId, roundId).Append("/public"))
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var second = await app.Commands.DuringAsync(async () => (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url));
            second.ShouldBeEmpty($"{url} came from the output cache");
        }
    }

    [Fact]
    public async Task Withdrawal_removes_a_cached_review_from_its_page_its_PDF_and_the_list_at_once()
    {
        var (reviewId, roundId) = await PublishedAsync("Cached public review withdrawn");
        var anonymous = app.CreateBrowser();
        var urls = PublicReviewData.UrlsOf(reviewId, roundId);
        foreach (var url in urls)
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        (await anonymous.GetStringAsync("/public")).ShouldContain("Cached public review withdrawn");
        (await app.Commands.DuringAsync(() => anonymous.GetStringAsync(urls[0]))).ShouldBeEmpty("cached before the withdrawal");

        await app.WithdrawAsync(reviewId);

        foreach (var url in urls)
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        (await anonymous.GetStringAsync("/public")).ShouldNotContain("Cached public review withdrawn");
    }

    [Fact]
    public async Task A_newly_published_review_joins_the_cached_list_at_once()
    {
        var anonymous = app.CreateBrowser();
        await anonymous.GetStringAsync("/public");
        (await app.Commands.DuringAsync(() => anonymous.GetStringAsync("/public"))).ShouldBeEmpty("the list is cached");

        await PublishedAsync("Cached list gains a review of libraries");

        (await anonymous.GetStringAsync("/public")).ShouldContain("Cached list gains a review of libraries");
    }

    [Fact]
    public async Task A_signed_in_readers_page_is_never_kept_for_the_public_nor_the_publics_copy_served_to_them()
    {
        var (reviewId, _) = await PublishedAsync("Cached public review read signed in");
        var url = $"/public/reviews/{reviewId}";
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        (await officer.GetDocumentAsync(url)).QuerySelector("form[action='/account/sign-out']").ShouldNotBeNull("a signed-in reader's page has their navigation");

        var anonymous = app.CreateBrowser();
        var publicPage = await anonymous.GetStringAsync(url);
        publicPage.ShouldNotContain("/account/sign-out", Case.Sensitive, "the officer's page was not kept for the public");
        publicPage.ShouldNotContain(DemoUsers.ScrutinyOfficerEmail);
        (await app.Commands.DuringAsync(() => anonymous.GetStringAsync(url))).ShouldBeEmpty("the public's own copy is cached");

        string officerPage = "";
        var officerCommands = await app.Commands.DuringAsync(async () => officerPage = await officer.GetStringAsync(url));
        officerCommands.ShouldNotBeEmpty("a signed-in reader is never served from the public's copy");
        officerPage.ShouldContain("/account/sign-out");
    }
}
