using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Features.Public;

public sealed class PublicPagesTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    private async Task<int> RoundOfAsync(int reviewId) => await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task An_unpublished_review_is_404_on_every_public_url_and_not_in_the_list()
    {
        var reviewId = await app.AddAsync("Unpublished review of bus shelters");
        var anonymous = app.CreateBrowser();

        foreach (var url in PublicReviewData.UrlsOf(reviewId, await RoundOfAsync(reviewId)))
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        (await anonymous.GetDocumentAsync("/public")).Body!.TextContent.ShouldNotContain("Unpublished review of bus shelters");
        (await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.PublishedAtUtc).SingleAsync())).ShouldBeNull("off by default");
    }

    [Fact]
    public async Task A_published_review_shows_only_accepted_updates_and_no_accounts_on_its_page_and_PDF()
    {
        var reviewId = await app.AddAsync("Published review of street lighting");
        await app.PublishAsync(reviewId);
        var anonymous = app.CreateBrowser();

        var list = await anonymous.GetDocumentAsync("/public");
        list.QuerySelector("#public-reviews")!.TextContent.ShouldContain("Published review of street lighting");
        var page = await anonymous.GetDocumentAsync($"/public/reviews/{reviewId}");
        var html = page.DocumentElement.OuterHtml;
        html.ShouldContain(PublicReviewData.AcceptedEvidence);
        html.ShouldContain(PublicReviewData.AcceptedExplanation);
        page.QuerySelector("main .app-report")!.ShouldNotBeNull("the signed-in report's own document");
        page.QuerySelector("#history-caption").ShouldNotBeNull("the grades of every round");
        await ShouldHideEverythingNotPublicAsync(html);

        var pdf = await anonymous.GetAsync($"/public/reviews/{reviewId}/report.pdf");
        var text = await Poppler.TextAsync(await pdf.ShouldBePdfAttachmentAsync(PdfFileName(pdf)));
        text.ShouldContain(PublicReviewData.AcceptedEvidence);
        await ShouldHideEverythingNotPublicAsync(text);
    }

    [Fact]
    public async Task Publishing_and_withdrawing_are_audited_and_withdrawal_removes_the_review_everywhere_at_once()
    {
        var reviewId = await app.AddAsync("Review withdrawn again");
        var roundId = await RoundOfAsync(reviewId);
        await app.PublishAsync(reviewId);
        var anonymous = app.CreateBrowser();
        foreach (var url in PublicReviewData.UrlsOf(reviewId, roundId))
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        await app.WithdrawAsync(reviewId);

        foreach (var url in PublicReviewData.UrlsOf(reviewId, roundId))
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        (await anonymous.GetDocumentAsync("/public")).Body!.TextContent.ShouldNotContain("Review withdrawn again");
        var audit = await app.WithDbAsync(db => db.AuditEntries
            .Where(a => a.ReviewId == reviewId && a.Field == nameof(Review.PublishedAtUtc))
            .OrderBy(a => a.Id)
            .Select(a => new { a.UserName, a.OldValue, a.NewValue })
            .ToListAsync());
        audit.Count.ShouldBe(2);
        audit.ShouldAllBe(a => a.UserName == DemoUsers.ScrutinyOfficerEmail);
        audit[0].OldValue.ShouldBeNull();
        audit[1].NewValue.ShouldBeNull();
    }

    [Fact]
    public async Task A_matching_conditional_GET_is_304_until_the_review_changes()
    {
        var reviewId = await app.AddAsync("Review with validators");
        await app.PublishAsync(reviewId);
        var anonymous = app.CreateBrowser();
        var first = await anonymous.GetAsync($"/public/reviews/{reviewId}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        first.Headers.CacheControl!.Public.ShouldBeTrue();
        first.Headers.CacheControl.NoCache.ShouldBeTrue("revalidated every time, so a withdrawal shows at once");

        (await ConditionalAsync(anonymous, $"/public/reviews/{reviewId}", etag, null)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await ConditionalAsync(anonymous, $"/public/reviews/{reviewId}", null, lastModified)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await ConditionalAsync(anonymous, "/public", null, null)).Headers.ETag.ShouldNotBeNull();

        await AcceptTheDraftAsync(reviewId);

        var changed = await ConditionalAsync(anonymous, $"/public/reviews/{reviewId}", etag, null);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await changed.Content.ReadAsStringAsync()).ShouldContain(PublicReviewData.Hidden[0], Case.Sensitive, "an accepted update is public at once");
    }

    private static async Task<HttpResponseMessage> ConditionalAsync(HttpClient client, string url, System.Net.Http.Headers.EntityTagHeaderValue? etag, DateTimeOffset? since)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = since;
        return await client.SendAsync(request);
    }

    /// <summary>Accepts the draft as the check page does, through the scrutiny officer's own change (audited).</summary>
    private async Task AcceptTheDraftAsync(int reviewId)
    {
        var updateId = await app.WithDbAsync(db => db.ProgressUpdates
            .Where(u => u.Round!.ReviewId == reviewId && u.Evidence == PublicReviewData.Hidden[0]).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.SingleAsync(u => u.Id == updateId);
            update.Status = UpdateStatus.Accepted;
            await db.SaveChangesAsync();
        });
    }

    private async Task ShouldHideEverythingNotPublicAsync(string text)
    {
        foreach (var hidden in PublicReviewData.Hidden)
        {
            text.ShouldNotContain(hidden);
        }

        var linkOfficer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoUsers.LinkOfficerEmail).Select(u => u.DisplayName).SingleAsync());
        text.ShouldNotContain(linkOfficer!, Case.Sensitive, "no user accounts");
        text.ShouldNotContain(DemoUsers.LinkOfficerEmail);
        text.ShouldNotContain(DemoUsers.ScrutinyOfficerEmail);
        text.ShouldNotContain("Draft");
        text.ShouldNotContain("Link Officer");
    }

    private static string PdfFileName(HttpResponseMessage response) => response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"');
}
