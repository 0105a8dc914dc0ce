using ScrutinyTracker.Web.Features.Emails;
using ScrutinyTracker.Web.Features.EmailPreferences;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Features.Reminders;

/// <summary>An open round with updates not yet submitted, as a reminder tells of it.</summary>
public sealed record UnfinishedRound(int RoundId, int ReviewId, string Title, string Label, DateOnly DueDate, DateOnly OpenedOn, int Unfinished, int Updates);

/// <summary>What reminders, chasers and the Executive's response reminders say. Like every e-mail, no evidence.</summary>
public sealed class ReminderEmails(EmailOutbox outbox, UnsubscribeLinks unsubscribe)
{
    public const string RoundReminderKind = "RoundReminder";
    public const string OverdueChaserKind = "OverdueChaser";
    public const string ExecutiveResponseKind = "ExecutiveResponse";

    public void RoundReminder(Person to, UnfinishedRound round, DateOnly today, bool scrutinyOfficersTold, int chaser)
    {
        var due = UkTime.Date(round.DueDate);
        var waiting = Waiting(round);
        var content = chaser == 0
            ? new EmailContent($"The {round.Label} updates of {round.Title} are due in {Days(round.DueDate.DayNumber - today.DayNumber)}")
                .Paragraph($"Dear {to.Name},")
                .Paragraph($"This is a reminder that the {round.Label} progress updates of {round.Title} are due by {due}. {waiting}")
            : new EmailContent($"The {round.Label} updates of {round.Title} are overdue")
                .Paragraph($"Dear {to.Name},")
                .Paragraph($"The {round.Label} progress updates of {round.Title} were due by {due}. {waiting}")
                .Paragraph(scrutinyOfficersTold ? "The scrutiny officers have been told that they are overdue." : "Please submit them as soon as you can, or tell the scrutiny officer when they will be ready.");
        content.Link($"Fill in the {round.Label} updates", outbox.Link($"/rounds/{round.RoundId}/updates"))
            .Paragraph($"You get this reminder because you are a link officer for {round.Title}.")
            .Footer("Stop reminders like this one", outbox.Link(unsubscribe.Path(to.Id, EmailSetting.Reminders)));
        outbox.Add(chaser == 0 ? RoundReminderKind : OverdueChaserKind, [to.Recipient],
            chaser == 0 ? $"Reminder: {round.Title} progress updates are due by {due}" : $"Overdue: {round.Title} progress updates were due by {due}",
            content);
    }

    /// <summary>From the second chaser: who was chased (or that nobody is), with the scrutiny officer's own link to stop reminders.</summary>
    public void OverdueRoundToScrutinyOfficer(Person to, UnfinishedRound round, IReadOnlyList<string> chased)
    {
        var due = UkTime.Date(round.DueDate);
        var content = new EmailContent($"The {round.Label} updates of {round.Title} are overdue")
            .Paragraph($"Dear {to.Name},")
            .Paragraph($"The {round.Label} progress updates of {round.Title} were due by {due}. {Waiting(round)}")
            .Paragraph(chased.Count > 0
                ? $"A chaser has been sent to {string.Join(" and ", chased)}."
                : "No link officer of the review is being sent reminders: none is active, or they have turned reminders off.")
            .Link($"See the {round.Label} updates", outbox.Link($"/rounds/{round.RoundId}/check"))
            .Paragraph("You get this e-mail because you are a scrutiny officer.")
            .Footer("Stop reminders like this one", outbox.Link(unsubscribe.Path(to.Id, EmailSetting.Reminders)));
        outbox.Add(OverdueChaserKind, [to.Recipient], $"Overdue: {round.Title} progress updates were due by {due}", content);
    }

    public void ExecutiveResponse(Person to, int reviewId, string title, int awaiting, DateOnly due, bool overdue)
    {
        var recommendations = awaiting == 1 ? "1 recommendation" : $"{awaiting} recommendations";
        outbox.Add(ExecutiveResponseKind, [to.Recipient],
            overdue ? $"Overdue: the Executive's response to {title} was due by {UkTime.Date(due)}" : $"{title}: the Executive's response is due by {UkTime.Date(due)}",
            new EmailContent(overdue ? $"The Executive's response to {title} is overdue" : $"The Executive's response to {title} is due soon")
                .Paragraph($"The Executive's response to {recommendations} of {title} {(overdue ? "was" : "is")} due by {UkTime.Date(due)}, two months after the report went to it, and is not recorded yet.")
                .Link("Record the Executive's responses", outbox.Link($"/reviews/{reviewId}/executive-responses"))
                .Footer("Stop reminders like this one", outbox.Link(unsubscribe.Path(to.Id, EmailSetting.Reminders))));
    }

    private static string Waiting(UnfinishedRound round) =>
        $"{Updates(round.Unfinished)} of the {Updates(round.Updates)} {(round.Unfinished == 1 ? "is" : "are")} not submitted yet.";

    private static string Updates(int count) => count == 1 ? "1 update" : $"{count} updates";

    private static string Days(int count) => count == 1 ? "1 day" : $"{count} days";
}
