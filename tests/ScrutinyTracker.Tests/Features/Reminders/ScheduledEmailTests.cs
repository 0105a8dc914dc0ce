using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Features.Emails;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Email;
using static ScrutinyTracker.Tests.Infrastructure.TestReviews;

namespace ScrutinyTracker.Tests.Features.Reminders;

/// <summary>The Executive's responses, the weekly digest, and two app instances sharing one schedule.</summary>
public sealed class ScheduledEmailTests(EmailAppFactory app) : IClassFixture<EmailAppFactory>
{
    private DateOnly Today => UkTime.Today(app.Clock);

    private void MoveTo(DateOnly day) => app.Clock.Advance(TimeSpan.FromDays(day.DayNumber - Today.DayNumber));

    private IReadOnlyList<ReceivedEmail> About(string text) =>
        app.Smtp.Received.Where(m => (m.Message.Subject ?? "").Contains(text, StringComparison.Ordinal)).ToList();

    private async Task<IReadOnlyList<ReceivedEmail>> WaitForAboutAsync(string text, int count)
    {
        await Eventually.ReturnsAsync(() => Task.FromResult(About(text).Count), c => c >= count, $"{count} e-mails about {text}");
        About(text).Count.ShouldBe(count);
        return About(text);
    }

    /// <summary>No evidence any link officer has written (the demo reviews' included) is in the e-mail's text, HTML or headers.</summary>
    private async Task ShouldCarryNoEvidenceAsync(ReceivedEmail mail)
    {
        var evidence = await app.WithDbAsync(db => db.ProgressUpdates.Where(u => u.Evidence != null && u.Evidence.Length > 20).Select(u => u.Evidence!).ToListAsync());
        evidence.ShouldNotBeEmpty();
        var whole = mail.Message.ToString();
        evidence.Where(e => mail.Text.Contains(e, StringComparison.Ordinal) || mail.Html.Contains(e, StringComparison.Ordinal) || whole.Contains(e, StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    /// <summary>A second app on the same database and clock, sending nothing itself, as a second server behind a load balancer.</summary>
    private sealed class SecondInstance(EmailAppFactory first) : ScrutinyAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:ConnectionString", first.ConnectionString);
            builder.UseSetting("Database:SeedDemoData", "false");
            builder.UseSetting("Email:Provider", "Smtp");
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", first.Smtp.Port.ToString());
            builder.UseSetting("Email:SiteUrl", EmailAppFactory.SiteUrl);
            builder.UseSetting("Email:SendInBackground", "false");
            builder.UseSetting("Reminders:Enabled", "false");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(first.Clock));
        }

        public async Task<int> RunRemindersAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScrutinyTracker.Web.Features.Reminders.ReminderRun>().RunAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Scrutiny_officers_are_told_14_days_before_the_Executives_response_is_due_and_when_it_is_overdue()
    {
        var due = Today.AddDays(20);
        var reviewId = await app.AddReviewAsync("Knife Crime", null, r =>
        {
            r.ReportToExecutive = due.AddMonths(-Monitoring.ExecutiveResponseMonths);
            r.Recommendations.Add(Recommendation(1, "That knives be taken off the streets.", decision: null, Action("Run an amnesty")));
        });
        Monitoring.ExecutiveResponseDue(due.AddMonths(-Monitoring.ExecutiveResponseMonths)).ShouldBe(due);

        await app.RunRemindersAsync();
        About("Knife Crime").ShouldBeEmpty();

        MoveTo(due.AddDays(-14));
        await app.RunRemindersAsync();
        await app.RunRemindersAsync();
        var soon = (await WaitForAboutAsync("Knife Crime", 1)).Single();
        soon.EnvelopeTo.ShouldBe([DemoUsers.ScrutinyOfficerEmail]);
        soon.Message.Subject.ShouldBe($"Knife Crime: the Executive's response is due by {UkTime.Date(due)}");
        soon.Text.ShouldContain("The Executive's response to 1 recommendation of Knife Crime is due by");
        soon.Text.ShouldContain($"{EmailAppFactory.SiteUrl}/reviews/{reviewId}/executive-responses");
        await ShouldCarryNoEvidenceAsync(soon);

        MoveTo(due.AddDays(1));
        await app.RunRemindersAsync();
        await app.RunRemindersAsync();
        var overdue = (await WaitForAboutAsync("Knife Crime", 2)).Last();
        overdue.Message.Subject.ShouldBe($"Overdue: the Executive's response to Knife Crime was due by {UkTime.Date(due)}");
    }

    [Fact]
    public async Task The_weekly_digest_goes_to_scrutiny_officers_once_a_week_on_Monday()
    {
        var monday = Today.AddDays(((int)DayOfWeek.Monday - (int)Today.DayOfWeek + 7) % 7 + 7);
        MoveTo(monday.AddDays(-1));
        await app.RunRemindersAsync();
        await Eventually.ReturnsAsync(() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Waiting)), c => c == 0, "last week's e-mails sent");
        var before = About("Scrutiny this week").Count;

        MoveTo(monday);
        await app.RunRemindersAsync();
        await app.RunRemindersAsync();
        var digest = (await WaitForAboutAsync("Scrutiny this week", before + 1)).Last();
        digest.EnvelopeTo.ShouldBe([DemoUsers.ScrutinyOfficerEmail]);
        digest.Message.Subject.ShouldBe($"Scrutiny this week: {UkTime.Date(monday)}");
        digest.Text.ShouldContain("Overdue updates (");
        digest.Text.ShouldContain("Hate Crime, September 2020: due by");
        digest.Text.ShouldContain($"{EmailAppFactory.SiteUrl}/rounds/due");
        await ShouldCarryNoEvidenceAsync(digest);

        MoveTo(monday.AddDays(3));
        await app.RunRemindersAsync();
        About("Scrutiny this week").Count.ShouldBe(before + 1, "one digest a week");
    }

    [Fact]
    public async Task Two_app_instances_on_one_database_send_each_reminder_once()
    {
        var due = Today.AddDays(14);
        var round = await Updates.UpdatesTestData.CreateRoundAsync(app, "Pigeon Feeding", dueDate: due);
        var others = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            others.Add(await app.AddLinkOfficerAsync($"Pigeon Officer {i}"));
        }

        await app.WithDbAsync(async db =>
        {
            db.ReviewLinkOfficers.AddRange(others.Select(id => new ReviewLinkOfficer { ReviewId = round.ReviewId, UserId = id }));
            db.Rounds.Single(r => r.Id == round.RoundId).OpenedAtUtc = DateTime.UtcNow.AddDays(-30);
            await db.SaveChangesAsync();
        });
        using var second = new SecondInstance(app);
        _ = second.Server;

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => i % 2 == 0 ? app.RunRemindersAsync() : second.RunRemindersAsync())));
        // What the second instance wrote, the first instance's sender finds at its next look (Email:PollInterval, 30 s).
        await Eventually.ReturnsAsync(() => Task.FromResult(About("Pigeon Feeding").Count), c => c >= 6, "6 e-mails about Pigeon Feeding",
            between: () => app.Clock.Advance(TimeSpan.FromSeconds(1)));
        var mails = await WaitForAboutAsync("Pigeon Feeding", 6);
        mails.SelectMany(m => m.EnvelopeTo).Distinct().Count().ShouldBe(6, "each link officer once");
        var rows = await app.WithDbAsync(db => db.SentReminders.Where(s => s.About == $"round {round.RoundId}").ToListAsync());
        rows.Count.ShouldBe(6);
        rows.ShouldAllBe(r => r.Kind == "DueIn14");
        (await app.OutboxAboutAsync("Pigeon Feeding")).Count.ShouldBe(6);
        runs.Sum().ShouldBeGreaterThanOrEqualTo(6, "every reminder due, Hate Crime's and Fly-tipping's included, was sent by one run or another");
    }
}
