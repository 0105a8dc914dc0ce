using System.Net;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Public;

/// <summary>
/// The public pages say what is due or overdue by the UK's date, so their validators and cached copies
/// change when the UK's day does, not UTC's (an hour apart in summer).
/// </summary>
public sealed class PublicDayTests(TimeControlledAppFactory app) : IClassFixture<TimeControlledAppFactory>
{
    [Fact]
    public async Task A_new_UK_day_is_a_new_version_of_a_public_page_though_the_UTC_date_has_not_changed()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 30, 22, 30, 0, TimeSpan.Zero));
        var reviewId = await app.AddAsync("Review across UK midnight");
        await app.PublishAsync(reviewId);
        var anonymous = app.CreateBrowser();
        var evening = await anonymous.GetAsync($"/public/reviews/{reviewId}");
        evening.StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/public/reviews/{reviewId}");
        request.Headers.IfNoneMatch.Add(evening.Headers.ETag!);
        var afterMidnight = await anonymous.SendAsync(request);

        afterMidnight.StatusCode.ShouldBe(HttpStatusCode.OK, "00:30 on 1 July in the UK: the page's 'today' has moved on");
        afterMidnight.Headers.ETag!.Tag.ShouldNotBe(evening.Headers.ETag!.Tag);
        afterMidnight.Content.Headers.LastModified.ShouldBe(new DateTimeOffset(2027, 6, 30, 23, 0, 0, TimeSpan.Zero), "the UK day began at 23:00 UTC");
    }

    [Theory]
    [InlineData("2026-06-30T23:30:00Z", "2026-06-30T23:00:00Z")]
    [InlineData("2026-01-15T00:30:00Z", "2026-01-15T00:00:00Z")]
    [InlineData("2026-03-29T12:00:00Z", "2026-03-29T00:00:00Z")]
    public void Today_in_the_UK_begins_at_UK_midnight(string now, string start)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        UkTime.StartOfTodayUtc(clock).ShouldBe(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }
}
