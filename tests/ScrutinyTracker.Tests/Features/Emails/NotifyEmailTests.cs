using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Email;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Emails;

/// <summary>
/// Each e-mail of a round's life sent through GOV.UK Notify's real .NET client to a loopback stand-in of
/// Notify's documented API (never Notify itself: there is no network here).
/// </summary>
public sealed class NotifyEmailTests(NotifyAppFactory app) : IClassFixture<NotifyAppFactory>
{
    private const string Evidence = "Confidential: the victim at 12 Acacia Avenue was visited";

    private async Task<IReadOnlyList<NotifyEmail>> ReceivedAboutAsync(string title, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var about = app.Notify.Received.Where(m => m.Subject.Contains(title, StringComparison.Ordinal)).ToList();
            if (about.Count >= count || DateTime.UtcNow > deadline)
            {
                about.Count.ShouldBe(count, $"notifications about {title}");
                return about;
            }

            await Task.Delay(25);
        }
    }

    private static void ShouldBeOurs(NotifyEmail mail)
    {
        mail.TemplateId.ShouldBe(NotifyAppFactory.TemplateId);
        mail.ReplyToId.ShouldBe(NotifyAppFactory.ReplyToId);
        mail.Body.ShouldContain("Example Borough Council");
    }

    [Fact]
    public async Task Opening_a_round_sends_each_link_officer_a_notification_of_their_own_with_the_link_and_no_evidence()
    {
        var second = await app.AddLinkOfficerAsync("Rowan Notified");
        var reviewId = await app.AddReviewAsync("Ragwort", new YearMonth(2019, 3), r =>
        {
            var last = new Round { Label = "March 2020", DueDate = new(2020, 3, 31), Status = RoundStatus.Closed };
            var first = Action("Pull the ragwort", 0);
            first.Updates.Add(new ProgressUpdate { Round = last, Evidence = Evidence, Grade = Grade.OnTrack, Status = UpdateStatus.Accepted });
            r.Rounds.Add(last);
            r.Recommendations.Add(Recommendation(1, "That verges be cleared.", first));
            r.LinkOfficers.Add(new ReviewLinkOfficer { UserId = second });
        });
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);

        var opened = await officer.SubmitFormAsync($"/reviews/{reviewId}/rounds/open", [new("Label", "March 2021"), new("DueDay", "30"), new("DueMonth", "4"), new("DueYear", "2021")]);

        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open).Select(r => r.Id).SingleAsync());
        var mails = await ReceivedAboutAsync("Ragwort", 2);
        mails.Select(m => m.EmailAddress).Order().ShouldBe([DemoUsers.LinkOfficerEmail, "rowan.notified@example.gov.uk"]);
        var stored = await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Ragwort"), m => m.All(x => x.Status == OutboxStatus.Sent), "both marked sent");
        foreach (var mail in mails)
        {
            ShouldBeOurs(mail);
            mail.Subject.ShouldBe("Ragwort: progress updates due by 30 April 2021");
            mail.Body.ShouldContain("The March 2021 round of Ragwort is open");
            mail.Body.ShouldContain("due by 30 April 2021");
            mail.Body.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{roundId}/updates");
            mail.Body.ShouldNotContain(Evidence);
            mail.Body.ShouldNotContain("<a ");
            stored.Select(m => m.MessageId).ShouldContain(mail.Reference, "the reference is the outbox message's Message-Id");
        }

        mails.Select(m => m.Body).ShouldContain(b => b.Contains("Dear Rowan Notified,"));
        stored.ShouldAllBe(m => m.Attempts == 1);
        app.Notify.Lookups.ShouldBe(0, "a message never tried before is not looked up");
        app.Notify.RejectedTokens.ShouldBe(0);
    }

    [Fact]
    public async Task Submitting_every_update_notifies_the_scrutiny_officers_and_a_returned_comment_keeps_its_lines_as_typed()
    {
        var round = await app.CreateRoundAsync("Gull Nuisance");
        await app.SetAnswersAsync(round.UpdateIds);
        var linkOfficer = await app.SignedInAsync(DemoUsers.LinkOfficerEmail);

        var submitted = await linkOfficer.SubmitRoundAsync(await linkOfficer.GetDocumentAsync(round.FormUrl));

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ready = (await ReceivedAboutAsync("Gull Nuisance", 1)).Single();
        ready.EmailAddress.ShouldBe(DemoUsers.ScrutinyOfficerEmail);
        ShouldBeOurs(ready);
        ready.Subject.ShouldBe("Gull Nuisance: the March 2021 updates are ready to check");
        ready.Body.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{round.RoundId}/check");
        ready.Body.ShouldNotContain($"Evidence for update {round.UpdateIds[1]}.");

        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        await officer.SubmitFormAsync($"/updates/{round.UpdateIds[1]}/return", [new("Comment", "Say how many households:\n# not a heading\n* nor a list\n1. nor this [link](https://example.com)")]);

        var back = (await ReceivedAboutAsync("Gull Nuisance", 2)).Single(m => m.Reference != ready.Reference);
        back.EmailAddress.ShouldBe(DemoUsers.LinkOfficerEmail);
        back.Subject.ShouldBe("Gull Nuisance: your update on Recommendation 2a (Households) was returned");
        back.Body.ShouldContain("Say how many households:\n\u200B# not a heading\n\u200B* nor a list\n\u200B1. nor this \\[link](https://example.com)");
        back.Body.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{round.RoundId}/updates#action-{round.UpdateIds[1]}");
    }

    [Fact]
    public void The_text_is_kept_from_Notifys_markdown_line_by_line_and_web_addresses_stay_links()
    {
        NotifyTransport.Markdown("Council\n\nA heading\n\n# one\n  indented\n---\n===\n- dash\n• bullet\n^ inset\n12. twelve\n2026 is a year\nhttps://x.example/a\nback\\slash")
            .ShouldBe("Council\n\nA heading\n\n\u200B# one\n\u200B  indented\n\u200B---\n\u200B===\n\u200B- dash\n\u200B• bullet\n\u200B^ inset\n\u200B12. twelve\n2026 is a year\nhttps://x.example/a\nback\\\\slash");
    }
}

/// <summary>Notify unreachable, then answering 500: the round opens all the same, and its e-mail waits and is sent once Notify is back.</summary>
public sealed class NotifyDownTests(NotifyDownTests.NotifyDownFactory app) : IClassFixture<NotifyDownTests.NotifyDownFactory>
{
    public sealed class NotifyDownFactory : NotifyAppFactory
    {
        public override Task InitializeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task A_round_opened_while_Notify_is_down_opens_and_its_e_mail_is_sent_once_Notify_is_back()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Fly Posting");

        await app.OpenRoundAsync(reviewId);

        (await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.ReviewId == reviewId && r.Status == RoundStatus.Open))).ShouldBe(1);
        var waiting = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Fly Posting"), m => m.Count == 1 && m[0].Attempts == 1, "the first attempt")).Single();
        waiting.Status.ShouldBe(OutboxStatus.Waiting);
        waiting.LastError.ShouldStartWith($"Could not reach GOV.UK Notify at {app.Notify.BaseUrl}");
        waiting.LastError.ShouldNotContain(NotifyTestServer.Secret);

        await app.Notify.StartAsync();
        app.Notify.AnswerWith(500);
        var answered500 = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Fly Posting"), m => m[0].Attempts == 2, "the second attempt",
            between: () => app.Clock.Advance(TimeSpan.FromSeconds(5)))).Single();
        answered500.Status.ShouldBe(OutboxStatus.Waiting);
        answered500.LastError.ShouldBe("GOV.UK Notify answered 500: Internal server error");
        app.Notify.Received.ShouldBeEmpty();

        app.Notify.AnswerWith(0);
        var sent = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Fly Posting"), m => m[0].Status == OutboxStatus.Sent, "the mark as sent",
            between: () => app.Clock.Advance(TimeSpan.FromSeconds(5)))).Single();
        sent.Attempts.ShouldBe(3);
        sent.LastError.ShouldBeNull();
        var mail = app.Notify.Received.ShouldHaveSingleItem();
        mail.EmailAddress.ShouldBe(DemoUsers.LinkOfficerEmail);
        mail.Reference.ShouldBe(waiting.MessageId);
        app.Notify.Lookups.ShouldBeGreaterThan(0, "a message tried before is looked up before it is sent");
    }
}

/// <summary>Notify's 400 marks the message failed with Notify's own error message, on the administrators' E-mails page.</summary>
public sealed class NotifyRefusedTests(NotifyAppFactory app) : IClassFixture<NotifyAppFactory>
{
    [Fact]
    public async Task A_message_Notify_refuses_fails_with_Notifys_message_and_an_administrator_can_retry_it()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Littering");
        app.Notify.Refuse(DemoUsers.LinkOfficerEmail);

        await app.OpenRoundAsync(reviewId);

        var failed = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Littering"), m => m.Count == 1 && m[0].Status == OutboxStatus.Failed, "the refusal")).Single();
        failed.Attempts.ShouldBe(1, "a 400 is not retried by itself");
        failed.LastError.ShouldBe($"{DemoUsers.LinkOfficerEmail}: GOV.UK Notify answered 400: Can’t send to this recipient using a team-only API key");
        var admin = await app.SignedInAsync(DemoUsers.AdministratorEmail);
        var page = await admin.GetDocumentAsync("/emails?status=Failed");
        page.TextOf("main table").ShouldContain($"GOV.UK Notify's reply: {failed.LastError}");
        app.Notify.Received.ShouldBeEmpty();

        app.Notify.Accept(DemoUsers.LinkOfficerEmail);
        var retried = await admin.SubmitFormAsync(page, [], $"form[action='/emails/{failed.Id}/retry']");

        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Notify.WaitForAsync(1)).Single().Reference.ShouldBe(failed.MessageId);
        await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Littering"), m => m[0].Status == OutboxStatus.Sent, "the mark as sent");
    }
}

/// <summary>
/// The sender stops after Notify has a notification and before it has answered (as a crash would): once
/// the claim lapses the message is sent again, Notify is asked for the message's reference first, and
/// nobody gets it twice.
/// </summary>
public sealed class NotifyResendTests(NotifyResendTests.WritingOnlyFactory app) : IClassFixture<NotifyResendTests.WritingOnlyFactory>
{
    public sealed class WritingOnlyFactory : NotifyAppFactory
    {
        protected override bool SendsInBackground => false;
    }

    [Fact]
    public async Task A_message_sent_again_after_a_lapsed_claim_is_not_sent_twice()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Dog Fouling");
        await app.OpenRoundAsync(reviewId);
        var written = (await app.OutboxAboutAsync("Dog Fouling")).Single();
        app.Notify.HoldReplies();

        using (var stop = new CancellationTokenSource())
        {
            var sending = app.SendDueAsync(stop.Token);
            await app.Notify.WaitForAsync(1);
            await stop.CancelAsync();
            var stopped = false;
            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
                stopped = true;
            }

            stopped.ShouldBeTrue("the sender stops while Notify holds its answer");
        }

        app.Notify.Release();
        var unmarked = (await app.OutboxAboutAsync("Dog Fouling")).Single();
        unmarked.Status.ShouldBe(OutboxStatus.Waiting, "Notify had it, but the sender stopped before it heard back");
        unmarked.ClaimedUntilUtc.ShouldNotBeNull();
        (await app.SendDueAsync()).ShouldBe(0, "the claim holds until it lapses");

        var lookups = app.Notify.Lookups;
        app.Clock.Advance(app.Services.GetRequiredService<IOptions<EmailOptions>>().Value.ClaimDuration + TimeSpan.FromSeconds(1));
        (await app.SendDueAsync()).ShouldBe(1);

        var sent = (await app.OutboxAboutAsync("Dog Fouling")).Single();
        sent.Status.ShouldBe(OutboxStatus.Sent);
        app.Notify.Lookups.ShouldBe(lookups + 1);
        var mail = app.Notify.Received.Where(m => m.Reference == written.MessageId).ShouldHaveSingleItem("Notify already had it: not sent again");
        mail.EmailAddress.ShouldBe(DemoUsers.LinkOfficerEmail);
    }

    [Fact]
    public async Task Each_recipient_and_each_copy_gets_a_notification_of_their_own_and_a_retry_after_a_failure_part_way_skips_those_Notify_has()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var messageId = $"{Guid.NewGuid():N}@scrutiny.example.gov.uk";
        await app.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = messageId,
                Kind = "Test",
                To = "Ann One <ann@example.gov.uk>, Ben Two <ben@example.gov.uk>",
                Cc = "Cat Copy <cat@example.gov.uk>",
                Subject = "Three recipients",
                TextBody = "Hello.\n",
                HtmlBody = "<p>Hello.</p>",
                CreatedAtUtc = now,
                NextAttemptAtUtc = now,
            });
            await db.SaveChangesAsync();
        });
        app.Notify.Refuse("ben@example.gov.uk", 500);

        (await app.SendDueAsync()).ShouldBe(1);

        var waiting = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageId == messageId));
        waiting.Status.ShouldBe(OutboxStatus.Waiting);
        waiting.LastError.ShouldBe("GOV.UK Notify answered 500: Internal server error");
        app.Notify.Received.Where(m => m.Reference == messageId).Select(m => m.EmailAddress).ShouldBe(["ann@example.gov.uk"], "a failure Notify may recover from stops the round of calls");

        app.Notify.Accept("ben@example.gov.uk");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await app.SendDueAsync()).ShouldBe(1);

        (await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageId == messageId))).Status.ShouldBe(OutboxStatus.Sent);
        app.Notify.Received.Where(m => m.Reference == messageId).Select(m => m.EmailAddress)
            .ShouldBe(["ann@example.gov.uk", "ben@example.gov.uk", "cat@example.gov.uk"], "each once, the copy too");
    }
}

/// <summary>A key whose secret is not the service's: the stand-in answers as Notify does, 403, and the message fails with it.</summary>
public sealed class NotifyWrongKeyTests(NotifyWrongKeyTests.WrongKeyFactory app) : IClassFixture<NotifyWrongKeyTests.WrongKeyFactory>
{
    public sealed class WrongKeyFactory : NotifyAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:Notify:ApiKey", $"scrutiny_test-{NotifyTestServer.ServiceId}-{Guid.NewGuid()}");
        }
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused_with_Notifys_403_and_the_message_fails()
    {
        var reviewId = await app.ReviewReadyToOpenAsync("Abandoned Trolleys");

        await app.OpenRoundAsync(reviewId);

        var failed = (await Eventually.ReturnsAsync(() => app.OutboxAboutAsync("Abandoned Trolleys"), m => m.Count == 1 && m[0].Status == OutboxStatus.Failed, "the refusal")).Single();
        failed.LastError.ShouldBe($"{DemoUsers.LinkOfficerEmail}: GOV.UK Notify answered 403: Invalid token: API key not found");
        app.Notify.RejectedTokens.ShouldBe(1);
        app.Notify.Received.ShouldBeEmpty();
    }
}

/// <summary>With Notify chosen, the app does not start until it has what Notify needs; the key never appears in the refusal.</summary>
public sealed class NotifyOptionsTests
{
    private sealed class AppWith(string environment, params (string Key, string Value)[] settings) : ScrutinyAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("Council:Name", "Productionshire Borough Council");
            builder.UseSetting("Council:ContactEmail", "scrutiny@productionshire.gov.uk");
            builder.UseSetting("Email:Provider", "Notify");
            builder.UseSetting("Email:Notify:ApiKey", NotifyTestServer.ApiKey);
            builder.UseSetting("Email:Notify:TemplateId", NotifyAppFactory.TemplateId);
            builder.UseSetting("Email:SiteUrl", EmailAppFactory.SiteUrl);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Theory]
    [InlineData("Email:Notify:ApiKey", "", "Set Email:Notify:ApiKey")]
    [InlineData("Email:Notify:ApiKey", "not-a-key-0f4a1e2b-9c3d", "Email:Notify:ApiKey is not a GOV.UK Notify API key")]
    [InlineData("Email:Notify:TemplateId", "", "Set Email:Notify:TemplateId")]
    [InlineData("Email:Notify:TemplateId", "welcome", "Email:Notify:TemplateId must be a template id")]
    [InlineData("Email:Notify:ReplyToId", "scrutiny@council.gov.uk", "Email:Notify:ReplyToId must be the id")]
    [InlineData("Email:Notify:BaseUrl", "api.notifications", "Email:Notify:BaseUrl must be an http or https address")]
    [InlineData("Email:SiteUrl", "", "Set Email:SiteUrl")]
    public void Outside_Development_the_app_does_not_start_with_Notify_chosen_until_its_settings_are_there(string key, string value, string message)
    {
        using var app = new AppWith("Production", (key, value));

        var refusal = Should.Throw<OptionsValidationException>(() => app.Services).Message;

        refusal.ShouldContain(message);
        refusal.ShouldNotContain(NotifyTestServer.Secret);
    }

    [Fact]
    public void Automatic_chooses_Notify_when_an_API_key_is_set_and_no_SMTP_server()
    {
        using var app = new AppWith("Production", ("Email:Provider", "Automatic"));

        app.Services.GetRequiredService<EmailSettings>().Provider.ShouldBe(EmailProvider.Notify);
        app.Services.GetRequiredService<IEmailTransport>().ShouldBeOfType<NotifyTransport>();
    }
}
