using System.Net;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Email;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Emails;

public static class EmailFaults
{
    /// <summary>A review whose first round can be opened now, with the demo link officer and <paramref name="moreLinkOfficers"/>.</summary>
    public static async Task<int> ReviewReadyToOpenAsync(this ScrutinyAppFactory app, string title, params string[] moreLinkOfficers)
    {
        var others = new List<string>();
        foreach (var name in moreLinkOfficers)
        {
            others.Add(await app.AddLinkOfficerAsync(name));
        }

        return await app.AddReviewAsync(title, new YearMonth(2019, 3), r =>
        {
            r.Recommendations.Add(Recommendation(1, "That something be done.", Action("Do something")));
            r.LinkOfficers.AddRange(others.Select(id => new ReviewLinkOfficer { UserId = id }));
        });
    }

    public static async Task OpenRoundAsync(this ScrutinyAppFactory app, int reviewId)
    {
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var opened = await officer.SubmitFormAsync($"/reviews/{reviewId}/rounds/open", [new("Label", "May 2021"), new("DueDay", "31"), new("DueMonth", "5"), new("DueYear", "2021")]);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect, await opened.Content.ReadAsStringAsync());
    }

    public static Task<List<OutboxMessage>> OutboxAboutAsync(this ScrutinyAppFactory app, string title) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.Contains(title)).OrderBy(m => m.Id).ToListAsync());
}

/// <summary>The mail server is down when the round opens: the round opens all the same, and its e-mails wait until the server is back.</summary>
public sealed class MailServerDownTests(MailServerDownTests.ServerDownFactory app) : IClassFixture<MailServerDownTests.ServerDownFactory>
{
    public sealed class ServerDownFactory : EmailAppFactory
    {
        public override Task InitializeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task A_round_opened_while_the_server_is_down_opens_and_its_e_mail_is_sent_once_the_server_is_back()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Pavement Parking");

        await app.OpenRoundAsync(reviewId);

        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open))).ShouldBe(1);
        var waiting = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Pavement Parking"), m => m.Count == 1 && m[0].Attempts == 1, "the first attempt")).Single();
        waiting.Status.ShouldBe(OutboxStatus.Waiting);
        waiting.LastError.ShouldStartWith($"Could not reach the SMTP server 127.0.0.1:{app.Smtp.Port}");
        waiting.NextAttemptAtUtc.ShouldBe(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), TimeSpan.FromSeconds(1));
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        var page = await admin.GetDocumentAsync("/emails?status=Waiting");
        page.TextOf("main table").ShouldContain("Pavement Parking: progress updates due by 31 May 2021");
        page.TextOf("main table").ShouldContain("Mail server's reply: Could not reach the SMTP server");

        await app.Smtp.StartAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        app.Smtp.Received.ShouldBeEmpty("the retry waits its minute");

        await Eventually.ReturnsAsync(() => Task.FromResult(app.Smtp.Received.Count), c => c >= 1, "the retry", between: () => app.Clock.Advance(TimeSpan.FromSeconds(1)));
        var mail = app.Smtp.Received.Single();
        mail.MessageId.ShouldBe(waiting.MessageId);
        mail.EnvelopeTo.ShouldBe([DemoUsers.LinkOfficerEmail]);
        var sent = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Pavement Parking"), m => m[0].Status == OutboxStatus.Sent, "the mark as sent")).Single();
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }
}

/// <summary>A message the server refuses for good is marked failed with the server's reply; an administrator retries it.</summary>
public sealed class MailRefusedTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    [Fact]
    public async Task A_refused_message_fails_with_the_servers_reply_and_an_administrator_can_retry_it()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Street Drinking");
        app.Smtp.Refuse(DemoUsers.LinkOfficerEmail);

        await app.OpenRoundAsync(reviewId);

        var failed = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Street Drinking"), m => m.Count == 1 && m[0].Status == OutboxStatus.Failed, "the refusal")).Single();
        failed.Attempts.ShouldBe(1, "a 5xx reply is not retried by itself");
        failed.LastError.ShouldStartWith("550");
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        var page = await admin.GetDocumentAsync("/emails?status=Failed");
        page.TextOf("main table").ShouldContain($"Mail server's reply: {failed.LastError}");
        app.Smtp.Received.ShouldBeEmpty();

        app.Smtp.Accept(DemoUsers.LinkOfficerEmail);
        var retried = await admin.SubmitFormAsync(page, [], $"form[action='/emails/{failed.Id}/retry']");

        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Smtp.WaitForAsync(1)).Single().MessageId.ShouldBe(failed.MessageId);
        await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Street Drinking"), m => m[0].Status == OutboxStatus.Sent, "the mark as sent");
    }
}
