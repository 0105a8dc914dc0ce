using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Emails;
using ScrutinyTracker.Web.Features.EmailPreferences;
using ScrutinyTracker.Web.Features.Rounds;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Features.Reminders;

/// <summary>
/// Scrutiny officers' weekly digest, on Reminders:DigestDay: rounds to open, updates due soon and
/// overdue, updates waiting to be checked, the Executive's responses due. Nothing when there is nothing.
/// </summary>
public sealed class WeeklyDigest(ScrutinyDbContext db, DueForUpdateQuery due, EmailOutbox outbox, UnsubscribeLinks unsubscribe, IOptions<ReminderOptions> options)
{
    public const string Kind = "WeeklyDigest";
    private const int SoonDays = 14;

    public async Task<List<PlannedReminder>> PlanAsync(DateOnly today, IReadOnlyList<Person> scrutinyOfficers, CancellationToken cancellationToken)
    {
        var week = ReminderSchedule.DigestWeek(today, options.Value.DigestDay);
        var sections = await SectionsAsync(today, cancellationToken);
        // A week with nothing in it is claimed all the same, so a round opened on Wednesday does not bring the digest forward.
        return scrutinyOfficers.Where(p => !p.DigestOff).Select(person => new PlannedReminder(person.Id, Kind, $"week {week:yyyy-MM-dd}",
            sections.Count == 0 ? () => { } : () => Write(person, week, sections))).ToList();
    }

    private void Write(Person to, DateOnly week, IReadOnlyList<string> sections)
    {
        var content = new EmailContent($"Scrutiny this week: {UkTime.Date(week)}").Paragraph($"Dear {to.Name},");
        foreach (var section in sections)
        {
            content.Paragraph(section);
        }

        outbox.Add(Kind, [to.Recipient], $"Scrutiny this week: {UkTime.Date(week)}",
            content.Link("See what is due for update", outbox.Link("/rounds/due"))
                .Paragraph("You get this e-mail each week because you are a scrutiny officer.")
                .Footer("Stop the weekly digest", outbox.Link(unsubscribe.Path(to.Id, EmailSetting.Digest))));
    }

    private async Task<List<string>> SectionsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var view = await due.LoadAsync(new DueForUpdatePages(), cancellationToken);
        var submitted = await db.Rounds.AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.Updates.Any(u => u.Status == UpdateStatus.Submitted))
            .OrderBy(r => r.DueDate).ThenBy(r => r.Review!.Title)
            .Select(r => new { r.Review!.Title, r.Label, Count = r.Updates.Count(u => u.Status == UpdateStatus.Submitted) })
            .ToListAsync(cancellationToken);
        var soon = today.AddDays(SoonDays);
        var sections = new List<string>();
        Add(sections, "Rounds to open", view.Reviews.Items.Select(r => $"{r.Title}: next update due by {UkTime.Date(r.DueDate)}"));
        Add(sections, "Updates due in the next 2 weeks", view.Rounds.Items.Where(r => r.DueDate >= today && r.DueDate <= soon)
            .Select(r => $"{r.Title}, {r.Label}: due by {UkTime.Date(r.DueDate)}, {r.NotSubmitted + r.Returned} not submitted"));
        Add(sections, "Overdue updates", view.Rounds.Items.Where(r => r.DueDate < today)
            .Select(r => $"{r.Title}, {r.Label}: due by {UkTime.Date(r.DueDate)}, {r.NotSubmitted + r.Returned} not submitted"));
        Add(sections, "Submitted and waiting to be checked", submitted.Select(r => $"{r.Title}, {r.Label}: {r.Count} {(r.Count == 1 ? "update" : "updates")}"));
        Add(sections, "Executive responses due", view.Responses.Items.Where(r => r.DueDate is { } d && d <= soon)
            .Select(r => $"{r.Title}: {r.Awaiting} {(r.Awaiting == 1 ? "recommendation" : "recommendations")}, due by {UkTime.Date(r.DueDate!.Value)}"));
        if (view.Reviews.Total > view.Reviews.Count || view.Rounds.Total > view.Rounds.Count || view.Responses.Total > view.Responses.Count)
        {
            // Due for update's first page of each list, the soonest due first: the page itself lists the rest.
            sections.Add("There are more than this e-mail lists: Due for update shows them all.");
        }

        return sections;
    }

    private static void Add(List<string> sections, string heading, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count > 0)
        {
            sections.Add($"{heading} ({list.Count}):\n" + string.Join("\n", list));
        }
    }
}
