using ScrutinyTracker.Tests.Features.Updates;
using ScrutinyTracker.Tests.Infrastructure.Email;
using ScrutinyTracker.Web.Features.Reminders;
using ScrutinyTracker.Web.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Reminders;

/// <summary>The app's own scheduler, driven by its clock alone: moving the clock is what sends the next reminder.</summary>
public sealed class ReminderSchedulerTests(ReminderSchedulerTests.SchedulingFactory app) : IClassFixture<ReminderSchedulerTests.SchedulingFactory>
{
    public sealed class SchedulingFactory : EmailAppFactory
    {
        protected override bool RemindsInBackground => true;
    }

    [Fact]
    public async Task The_scheduler_sends_the_14_day_reminder_at_start_and_the_3_day_one_when_the_clock_reaches_it()
    {
        // The clock starts at the real time, and moves a minute at a time while the test waits below: from
        // 09:00 it stays within one UK day, so the reminders' "due in N days" are the ones counted here
        // (started at 23:00 it crossed midnight, and the second reminder said "due in 2 days").
        var now = app.Clock.GetUtcNow().UtcDateTime;
        app.Clock.SetUtcNow(new DateTimeOffset(now.Date.AddDays(1).AddHours(9), TimeSpan.Zero));
        var today = UkTime.Today(app.Clock);
        // Made before the app starts, so the scheduler's first look, at start, finds it.
        var round = await app.CreateRoundAsync("Moth Infestation", dueDate: today.AddDays(10));
        await app.WithDbAsync(async db =>
        {
            db.Rounds.Single(r => r.Id == round.RoundId).OpenedAtUtc = DateTime.UtcNow.AddDays(-30);
            await db.SaveChangesAsync();
        });
        // The scheduler looks every hour of the app's clock, which moves a minute at a time while the test waits.
        await Eventually.ReturnsAsync(() => Task.FromResult(Subjects().Count), c => c >= 1, "the 14-day reminder",
            between: () => app.Clock.Advance(TimeSpan.FromMinutes(1)));
        Subjects().Count.ShouldBe(1);
        app.Clock.Advance(TimeSpan.FromDays(7));
        await Eventually.ReturnsAsync(() => Task.FromResult(Subjects().Count), c => c >= 2, "the 3-day reminder",
            between: () => app.Clock.Advance(TimeSpan.FromMinutes(1)));

        app.Smtp.Received.Where(m => m.Message.Subject!.Contains("Moth Infestation")).Select(m => m.Text.Contains("due in 3 days")).ShouldBe([false, true]);
    }

    private List<string> Subjects() => app.Smtp.Received.Select(m => m.Message.Subject ?? "").Where(s => s.Contains("Moth Infestation")).ToList();
}

public sealed class ReminderScheduleTests
{
    private static readonly DateOnly Due = new(2021, 3, 31);
    private static readonly DateOnly OpenedEarly = new(2021, 1, 1);

    [Theory]
    [InlineData("2021-03-16", null)]
    [InlineData("2021-03-17", "DueIn14")]
    [InlineData("2021-03-27", "DueIn14")]
    [InlineData("2021-03-28", "DueIn3")]
    [InlineData("2021-03-31", "DueIn3")]
    [InlineData("2021-04-01", "Overdue1")]
    [InlineData("2021-04-07", "Overdue1")]
    [InlineData("2021-04-08", "Overdue2")]
    [InlineData("2021-04-15", "Overdue3")]
    public void The_latest_reminder_due_applies(string today, string? kind) =>
        ReminderSchedule.RoundReminder(Due, OpenedEarly, DateOnly.Parse(today), [14, 3], 7).ShouldBe(kind);

    [Fact]
    public void A_round_opened_after_a_reminders_day_does_not_get_that_reminder() =>
        ReminderSchedule.RoundReminder(Due, new DateOnly(2021, 3, 20), new DateOnly(2021, 3, 21), [14, 3], 7).ShouldBeNull();

    [Fact]
    public void Scrutiny_officers_are_copied_from_the_second_chaser()
    {
        ReminderSchedule.CopiesScrutinyOfficers("Overdue1").ShouldBeFalse();
        ReminderSchedule.CopiesScrutinyOfficers("Overdue2").ShouldBeTrue();
        ReminderSchedule.CopiesScrutinyOfficers("DueIn3").ShouldBeFalse();
    }

    [Fact]
    public void A_digest_belongs_to_the_latest_digest_day()
    {
        ReminderSchedule.DigestWeek(new DateOnly(2026, 12, 7), DayOfWeek.Monday).ShouldBe(new DateOnly(2026, 12, 7));
        ReminderSchedule.DigestWeek(new DateOnly(2026, 12, 13), DayOfWeek.Monday).ShouldBe(new DateOnly(2026, 12, 7));
    }
}
