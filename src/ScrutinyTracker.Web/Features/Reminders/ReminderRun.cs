using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Emails;
using ScrutinyTracker.Web.Features.Shared;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Features.Reminders;

/// <summary>A reminder to send: to whom, its key, and how to write it.</summary>
public sealed record PlannedReminder(string UserId, string Kind, string About, Action Write);

/// <summary>
/// One look at what is due today: reminders and chasers to link officers with unfinished updates,
/// the Executive's responses to scrutiny officers, and the weekly digest. Each is sent by inserting
/// its <see cref="SentReminder"/> row and its e-mail in one transaction; the row's unique key makes the
/// insert of a reminder already sent (by this instance or another) fail, and nothing is sent twice.
/// </summary>
public sealed class ReminderRun(
    ScrutinyDbContext db, EmailOutbox outbox, EmailRecipients recipients, ReminderEmails emails, WeeklyDigest digest,
    IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderRun> logger)
{
    /// <summary>Sends what is due and not sent yet; returns how many this run sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return 0;
        }

        var today = UkTime.Today(clock);
        var scrutinyOfficers = await recipients.ScrutinyOfficerPeopleAsync(cancellationToken);
        var planned = new List<PlannedReminder>();
        planned.AddRange(await RoundRemindersAsync(today, scrutinyOfficers, cancellationToken));
        planned.AddRange(await ExecutiveResponseRemindersAsync(today, scrutinyOfficers, cancellationToken));
        planned.AddRange(await digest.PlanAsync(today, scrutinyOfficers, cancellationToken));

        var sent = 0;
        foreach (var reminder in await NotSentAsync(planned, cancellationToken))
        {
            if (await TrySendAsync(reminder, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<List<PlannedReminder>> RoundRemindersAsync(DateOnly today, List<Person> scrutinyOfficers, CancellationToken cancellationToken)
    {
        var rows = await db.Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.Review!.Status == ReviewStatus.Monitoring && r.Review.MonitoringClosedOn == null)
            .Where(r => r.Updates.Any(u => u.Status == UpdateStatus.Draft || u.Status == UpdateStatus.Returned))
            .Select(r => new
            {
                r.Id, r.ReviewId, r.Review!.Title, r.Label, r.DueDate, r.OpenedAtUtc,
                Unfinished = r.Updates.Count(u => u.Status == UpdateStatus.Draft || u.Status == UpdateStatus.Returned),
                Updates = r.Updates.Count,
            })
            .ToListAsync(cancellationToken);
        var rounds = rows.Select(r => new UnfinishedRound(r.Id, r.ReviewId, r.Title, r.Label, r.DueDate, DateOnly.FromDateTime(UkTime.FromUtc(r.OpenedAtUtc)), r.Unfinished, r.Updates)).ToList();
        var linkOfficers = await recipients.LinkOfficersOfAsync(rounds.Select(r => r.ReviewId).Distinct().ToList(), cancellationToken);
        var settings = options.Value;
        var planned = new List<PlannedReminder>();
        foreach (var round in rounds)
        {
            if (ReminderSchedule.RoundReminder(round.DueDate, round.OpenedOn, today, settings.DaysBefore, settings.OverdueEveryDays) is not { } kind)
            {
                continue;
            }

            var chaser = kind.StartsWith(ReminderSchedule.OverduePrefix, StringComparison.Ordinal) ? ReminderSchedule.ChaserNumber(round.DueDate, today, settings.OverdueEveryDays) : 0;
            var chased = linkOfficers[round.ReviewId].Where(p => !p.RemindersOff).ToList();
            var toScrutinyOfficers = ReminderSchedule.CopiesScrutinyOfficers(kind);
            planned.AddRange(chased.Select(person =>
                new PlannedReminder(person.Id, kind, $"round {round.RoundId}", () => emails.RoundReminder(person, round, today, toScrutinyOfficers, chaser))));
            // Each scrutiny officer's own e-mail (not a copy of a link officer's, whose "stop reminders" link
            // is theirs), sent whether or not any link officer is still chased.
            if (toScrutinyOfficers)
            {
                var names = chased.Select(p => p.Name).ToList();
                planned.AddRange(scrutinyOfficers.Where(p => !p.RemindersOff).Select(person =>
                    new PlannedReminder(person.Id, kind, $"round {round.RoundId}", () => emails.OverdueRoundToScrutinyOfficer(person, round, names))));
            }
        }

        return planned;
    }

    private async Task<List<PlannedReminder>> ExecutiveResponseRemindersAsync(DateOnly today, List<Person> scrutinyOfficers, CancellationToken cancellationToken)
    {
        var monitored = db.Reviews.Where(r => r.Status == ReviewStatus.Monitoring && r.MonitoringClosedOn == null && r.ReportToExecutive != null);
        var lives = await monitored.LivesAsync(cancellationToken);
        var titles = await monitored.AsNoTracking().Select(r => new { r.Id, r.Title }).ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        var planned = new List<PlannedReminder>();
        foreach (var (reviewId, life) in lives)
        {
            if (life.AwaitingResponses == 0 || life.ExecutiveResponseDue is not { } due
                || ReminderSchedule.ExecutiveResponseReminder(due, today, options.Value.ExecutiveResponseDaysBefore) is not { } kind)
            {
                continue;
            }

            planned.AddRange(scrutinyOfficers.Where(p => !p.RemindersOff).Select(person => new PlannedReminder(person.Id, kind, $"review {reviewId} due {due:yyyy-MM-dd}",
                () => emails.ExecutiveResponse(person, reviewId, titles[reviewId], life.AwaitingResponses, due, kind == "ExecutiveResponseOverdue"))));
        }

        return planned;
    }

    /// <summary>Leaves out what was sent before, in one query; the unique key still decides a race.</summary>
    private async Task<List<PlannedReminder>> NotSentAsync(List<PlannedReminder> planned, CancellationToken cancellationToken)
    {
        var users = planned.Select(p => p.UserId).Distinct().ToList();
        var abouts = planned.Select(p => p.About).Distinct().ToList();
        var sent = (await db.SentReminders.AsNoTracking()
                .Where(s => users.Contains(s.UserId) && abouts.Contains(s.About))
                .Select(s => new { s.UserId, s.Kind, s.About })
                .ToListAsync(cancellationToken))
            .Select(s => (s.UserId, s.Kind, s.About))
            .ToHashSet();
        return planned.Where(p => !sent.Contains((p.UserId, p.Kind, p.About))).ToList();
    }

    private async Task<bool> TrySendAsync(PlannedReminder reminder, CancellationToken cancellationToken)
    {
        db.SentReminders.Add(new SentReminder { UserId = reminder.UserId, Kind = reminder.Kind, About = reminder.About, SentAtUtc = clock.GetUtcNow().UtcDateTime });
        reminder.Write();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            if (await db.SentReminders.AnyAsync(s => s.UserId == reminder.UserId && s.Kind == reminder.Kind && s.About == reminder.About, cancellationToken))
            {
                logger.LogInformation("{Kind} about {About} was sent by another instance", reminder.Kind, reminder.About);
                return false;
            }

            throw new InvalidOperationException($"Could not record the {reminder.Kind} reminder about {reminder.About}.", e);
        }
    }
}
