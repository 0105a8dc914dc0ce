using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Features.Emails;

/// <summary>
/// The e-mails of a round's life, in the council's words. None carries evidence: it may be sensitive,
/// and mail is read in places the service is not. Each is added to the outbox in the caller's
/// transaction (<see cref="EmailOutbox"/>).
/// </summary>
public sealed class ProgressEmails(EmailOutbox outbox, EmailRecipients recipients, ScrutinyDbContext db)
{
    public const string RoundOpenedKind = "RoundOpened";
    public const string UpdateReturnedKind = "UpdateReturned";
    public const string UpdatesSubmittedKind = "UpdatesSubmitted";

    /// <summary>To each link officer of the review: what is asked, by when, and the round form.</summary>
    public async Task RoundOpenedAsync(int reviewId, string title, int roundId, string label, DateOnly due, int actions, CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return;
        }

        var subject = $"{title}: progress updates due by {UkTime.Date(due)}";
        foreach (var officer in await recipients.LinkOfficersAsync(reviewId, cancellationToken))
        {
            outbox.Add(RoundOpenedKind, [officer], subject, new EmailContent($"The {label} round of {title} is open")
                .Paragraph($"Dear {officer.Name},")
                .Paragraph($"You are asked for a progress update on {Actions(actions)} of {title}: what has been done and how far each has got.")
                .Paragraph($"The updates are due by {UkTime.Date(due)}.")
                .Link($"Fill in the {label} updates", outbox.Link($"/rounds/{roundId}/updates"))
                .Paragraph($"You get this e-mail because you are a link officer for {title}."));
        }
    }

    /// <summary>
    /// To the person who submitted it while they are still on the review (else the review's link officers):
    /// the comment and the action.
    /// </summary>
    public async Task UpdateReturnedAsync(ProgressUpdate update, Round round, string comment, string? returnedById, CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return;
        }

        var title = await db.Reviews.Where(r => r.Id == round.ReviewId).Select(r => r.Title).SingleAsync(cancellationToken);
        var action = (await db.PlanActions.Where(a => a.Id == update.PlanActionId).NamesAsync(cancellationToken))[update.PlanActionId];
        var returnedBy = await db.Users.Where(u => u.Id == returnedById).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "The scrutiny officer";
        var to = await recipients.UserOnReviewAsync(update.SubmittedById, round.ReviewId, cancellationToken);
        if (to.Count == 0)
        {
            to = await recipients.LinkOfficersAsync(round.ReviewId, cancellationToken);
        }

        outbox.Add(UpdateReturnedKind, to, $"{title}: your update on {action} was returned",
            new EmailContent($"Your update on {action} was returned")
                .Paragraph($"{returnedBy} returned your {round.Label} update on {action} of {title}. Their comment:")
                .Paragraph(comment)
                .Paragraph("Change the update, then submit the round again.")
                .Link($"Go to {action}", outbox.Link($"/rounds/{round.Id}/updates#action-{update.Id}")));
    }

    /// <summary>To every scrutiny officer: the round is ready to check.</summary>
    public async Task UpdatesSubmittedAsync(RoundHeader round, string? submittedById, int updates, CancellationToken cancellationToken)
    {
        if (!outbox.Enabled)
        {
            return;
        }

        var (title, roundId, label) = (round.ReviewTitle, round.Id, round.Label);
        var submittedBy = await db.Users.Where(u => u.Id == submittedById).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "The link officer";

        outbox.Add(UpdatesSubmittedKind, await recipients.ScrutinyOfficersAsync(cancellationToken), $"{title}: the {label} updates are ready to check",
            new EmailContent($"The {label} updates of {title} are ready to check")
                .Paragraph($"{submittedBy} submitted {Updates(updates)} of the {label} round of {title}. Every update in the round has now been submitted.")
                .Link("Check the updates", outbox.Link($"/rounds/{roundId}/check")));
    }

    private static string Actions(int count) => count == 1 ? "1 action" : $"{count} actions";

    private static string Updates(int count) => count == 1 ? "1 update" : $"{count} updates";
}
