using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Reminders;

/// <summary>Reminders before the due date, chasers after it, each once per person per round per kind, on a clock the test moves.</summary>
public sealed class ReminderTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    private DateOnly Today => UkTime.Today(app.Clock);

    private void MoveTo(DateOnly day) => app.Clock.Advance(TimeSpan.FromDays(day.DayNumber - Today.DayNumber));

    private IReadOnlyList<ReceivedEmail> About(string title) =>
        app.Smtp.Received.Where(m => (m.Message.Subject ?? "").Contains(title, StringComparison.Ordinal)).ToList();

    private async Task<IReadOnlyList<ReceivedEmail>> WaitForAboutAsync(string title, int count)
    {
        await Eventually.ReturnsAsync(() => Task.FromResult(About(title).Count), c => c >= count, $"{count} e-mails about {title}");
        About(title).Count.ShouldBe(count);
        return About(title);
    }

    private async Task<TestRound> RoundDueInAsync(string title, int days)
    {
        var round = await app.CreateRoundAsync(title, dueDate: Today.AddDays(days));
        var second = await app.AddLinkOfficerAsync($"{title} Second");
        await app.WithDbAsync(async db =>
        {
            db.ReviewLinkOfficers.Add(new ReviewLinkOfficer { ReviewId = round.ReviewId, UserId = second });
            await db.SaveChangesAsync();
        });
        return round;
    }

    [Fact]
    public async Task Link_officers_are_reminded_14_and_3_days_before_then_chased_weekly_each_reminder_once()
    {
        var round = await RoundDueInAsync("Dog Fouling", 20);
        await app.SetAnswersAsync(round.UpdateIds.Take(1));
        var due = Today.AddDays(20);
        var secondEmail = "dog.fouling.second@example.gov.uk";

        (await app.RunRemindersAsync()).ShouldBe(0);
        About("Dog Fouling").ShouldBeEmpty();

        MoveTo(due.AddDays(-14));
        await app.RunRemindersAsync();
        await app.RunRemindersAsync();
        var fourteen = await WaitForAboutAsync("Dog Fouling", 2);
        fourteen.SelectMany(m => m.EnvelopeTo).Order().ShouldBe([secondEmail, DemoUsers.LinkOfficerEmail]);
        fourteen.ShouldAllBe(m => m.Message.Subject == $"Reminder: Dog Fouling progress updates are due by {UkTime.Date(due)}");
        fourteen[0].Text.ShouldContain("are due in 14 days");
        fourteen[0].Text.ShouldContain("3 updates of the 3 updates are not submitted yet");
        fourteen[0].Text.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/{round.RoundId}/updates");
        fourteen[0].Message.ToString().ShouldNotContain($"Evidence for update {round.UpdateIds[0]}");

        MoveTo(due.AddDays(-3));
        await app.RunRemindersAsync();
        (await WaitForAboutAsync("Dog Fouling", 4)).Skip(2).ShouldAllBe(m => m.Text.Contains("are due in 3 days"));

        MoveTo(due.AddDays(1));
        await app.RunRemindersAsync();
        var first = (await WaitForAboutAsync("Dog Fouling", 6)).Skip(4).ToList();
        first.ShouldAllBe(m => m.Message.Subject == $"Overdue: Dog Fouling progress updates were due by {UkTime.Date(due)}");
        first.ShouldAllBe(m => m.Message.Cc.Count == 0, "the first chaser goes to the link officers only");

        MoveTo(due.AddDays(7));
        await app.RunRemindersAsync();
        About("Dog Fouling").Count.ShouldBe(6, "the second chaser is a week after the first");

        MoveTo(due.AddDays(8));
        await app.RunRemindersAsync();
        var second = (await WaitForAboutAsync("Dog Fouling", 9)).Skip(6).ToList();
        second.ShouldAllBe(m => m.Message.Cc.Count == 0, "nobody is copied into a link officer's chaser: its 'stop reminders' link is theirs");
        var linkOfficers = second.Where(m => !m.EnvelopeTo.Contains(DemoUsers.ScrutinyOfficerEmail)).ToList();
        linkOfficers.Count.ShouldBe(2);
        linkOfficers.ShouldAllBe(m => m.Text.Contains("The scrutiny officers have been told that they are overdue."));
        var told = second.Single(m => m.EnvelopeTo.Contains(DemoUsers.ScrutinyOfficerEmail));
        told.EnvelopeTo.ShouldBe([DemoUsers.ScrutinyOfficerEmail], "from the second chaser the scrutiny officer gets an e-mail of their own");
        told.Text.ShouldContain("A chaser has been sent to Dog Fouling Second and Marc Stephenson.");
        told.Text.ShouldContain($"/rounds/{round.RoundId}/check");
        var stopLinks = second.Select(m => Regex.Match(m.Text, @"/email-settings/unsubscribe\?token=[^\s)]+").Value).ToList();
        stopLinks.ShouldAllBe(l => l.Length > 0);
        stopLinks.Distinct().Count().ShouldBe(3, "each person's 'stop reminders' link is their own");

        await app.RunRemindersAsync();
        var sent = await app.WithDbAsync(db => db.SentReminders.Where(s => s.About == $"round {round.RoundId}").Select(s => s.Kind).ToListAsync());
        sent.Order().ShouldBe(["DueIn14", "DueIn14", "DueIn3", "DueIn3", "Overdue1", "Overdue1", "Overdue2", "Overdue2", "Overdue2"]);
    }

    [Fact]
    public async Task A_round_whose_updates_are_all_submitted_gets_no_reminder_and_one_opened_late_gets_no_14_day_reminder()
    {
        var submitted = await RoundDueInAsync("Car Cruising", 14);
        await app.SetAnswersAsync(submitted.UpdateIds, status: UpdateStatus.Submitted);
        var late = await RoundDueInAsync("Fireworks", 10);

        await app.RunRemindersAsync();
        MoveTo(Today.AddDays(7));
        await app.RunRemindersAsync();

        var fireworks = await WaitForAboutAsync("Fireworks", 2);
        fireworks.ShouldAllBe(m => m.Text.Contains("are due in 3 days"), "opened 10 days before, it never had a 14-day reminder");
        About("Car Cruising").ShouldBeEmpty();
        _ = late;
    }
}
