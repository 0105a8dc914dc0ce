using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Reminders;

/// <summary>"Your e-mail settings", and the link in each reminder that turns reminders off without signing in.</summary>
public sealed partial class EmailPreferencesTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    private DateOnly Today => UkTime.Today(app.Clock);

    private IReadOnlyList<ReceivedEmail> About(string title) =>
        app.Smtp.Received.Where(m => (m.Message.Subject ?? "").Contains(title, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_reminders_link_turns_off_that_persons_reminders_only_after_a_post_without_signing_in()
    {
        var round = await app.CreateRoundAsync("Loud Music", dueDate: Today.AddDays(2));
        await app.WithDbAsync(async db =>
        {
            db.Rounds.Single(r => r.Id == round.RoundId).OpenedAtUtc = DateTime.UtcNow.AddDays(-30);
            await db.SaveChangesAsync();
        });
        await app.RunRemindersAsync();
        await Eventually.ReturnsAsync(() => Task.FromResult(About("Loud Music").Count), c => c == 1, "the reminder");
        var reminder = About("Loud Music").Single();
        var link = UnsubscribeLink().Match(reminder.Text).Groups[1].Value;
        link.ShouldStartWith($"{EmailAppFactory.SiteUrl}/email-settings/unsubscribe?token=");
        reminder.Html.ShouldContain("Stop reminders like this one");
        var path = new Uri(link).PathAndQuery;
        var anonymous = app.CreateBrowser();

        var page = await anonymous.GetDocumentAsync(path);

        page.TextOf("h1").ShouldBe("Stop reminders and chasers");
        (await RemindersOffAsync(DemoUsers.LinkOfficerEmail)).ShouldBeFalse("opening the link changes nothing");
        var stopped = await anonymous.SubmitFormAsync(page, []);
        stopped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await HttpClientExtensions.ParseAsync(stopped)).TextOf("h1").ShouldBe("You will not get reminders and chasers");
        (await RemindersOffAsync(DemoUsers.LinkOfficerEmail)).ShouldBeTrue();
        (await DigestOffAsync(DemoUsers.LinkOfficerEmail)).ShouldBeFalse("the link turns off its one setting");

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunRemindersAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await app.WithDbAsync(db => db.SentReminders.CountAsync(s => s.About == $"round {round.RoundId}"))).ShouldBe(1, "no chaser for someone who turned reminders off");

        var tampered = path[..^4] + (path[^4..] == "AAAA" ? "BBBB" : "AAAA");
        (await anonymous.GetAsync(tampered)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/email-settings/unsubscribe")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_turns_the_digest_off_and_on_again_on_their_e_mail_settings_page()
    {
        var officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var page = await officer.GetDocumentAsync("/account/email-settings");
        page.QuerySelector<IHtmlInputElement>("#Digest")!.IsChecked.ShouldBeTrue();

        // As a browser posts it with the digest unticked: the hidden "false" alone.
        var saved = await officer.SubmitFormAsync(page, [new("Reminders", "true"), new("Digest", "false")], "main form");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DigestOffAsync(DemoUsers.ScrutinyOfficerEmail)).ShouldBeTrue();
        (await RemindersOffAsync(DemoUsers.ScrutinyOfficerEmail)).ShouldBeFalse();
        var monday = Today.AddDays(((int)DayOfWeek.Monday - (int)Today.DayOfWeek + 7) % 7 + 7);
        app.Clock.Advance(TimeSpan.FromDays(monday.DayNumber - Today.DayNumber));
        await app.RunRemindersAsync();
        (await app.WithDbAsync(db => db.SentReminders.CountAsync(s => s.Kind == "WeeklyDigest" && s.About == $"week {monday:yyyy-MM-dd}"))).ShouldBe(0);

        officer = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        page = await officer.GetDocumentAsync("/account/email-settings");
        page.QuerySelector<IHtmlInputElement>("#Digest")!.IsChecked.ShouldBeFalse();
        await officer.SubmitFormAsync(page, [new("Reminders", "true"), new("Digest", "true")], "main form");
        (await DigestOffAsync(DemoUsers.ScrutinyOfficerEmail)).ShouldBeFalse();
    }

    private Task<bool> RemindersOffAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.RemindersOff).SingleAsync());

    private Task<bool> DigestOffAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DigestOff).SingleAsync());

    [GeneratedRegex(@"Stop reminders like this one: (\S+)")]
    private static partial Regex UnsubscribeLink();
}
