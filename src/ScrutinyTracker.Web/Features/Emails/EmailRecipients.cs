using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Features.Emails;

/// <summary>Who an e-mail goes to: active accounts only, one query each.</summary>
public sealed class EmailRecipients(ScrutinyDbContext db)
{
    public Task<List<EmailRecipient>> LinkOfficersAsync(int reviewId, CancellationToken cancellationToken) =>
        db.ReviewLinkOfficers.AsNoTracking()
            .Where(l => l.ReviewId == reviewId && l.User!.IsActive && l.User.Email != null)
            .OrderBy(l => l.User!.DisplayName)
            .Select(l => new EmailRecipient(l.User!.Email!, l.User.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>Reviews have no scrutiny officer of their own: every active scrutiny officer follows every review.</summary>
    public Task<List<EmailRecipient>> ScrutinyOfficersAsync(CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ScrutinyOfficer)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new EmailRecipient(u.Email!, u.DisplayName))
            .ToListAsync(cancellationToken);

    /// <summary>The active link officers of each review, with their account ids (for what was sent to whom).</summary>
    public async Task<ILookup<int, Person>> LinkOfficersOfAsync(IReadOnlyCollection<int> reviewIds, CancellationToken cancellationToken) =>
        (await db.ReviewLinkOfficers.AsNoTracking()
            .Where(l => reviewIds.Contains(l.ReviewId) && l.User!.IsActive && l.User.Email != null)
            .OrderBy(l => l.User!.DisplayName)
            .Select(l => new { l.ReviewId, Person = new Person(l.UserId, l.User!.Email!, l.User.DisplayName, l.User.RemindersOff, l.User.DigestOff) })
            .ToListAsync(cancellationToken))
        .ToLookup(l => l.ReviewId, l => l.Person);

    public Task<List<Person>> ScrutinyOfficerPeopleAsync(CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ScrutinyOfficer)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Person(u.Id, u.Email!, u.DisplayName, u.RemindersOff, u.DigestOff))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The account, while it may still open the review's round: a link officer of the review, or a scrutiny
    /// officer or administrator (who may enter updates for any review). Someone taken off the review gets nothing.
    /// </summary>
    public async Task<List<EmailRecipient>> UserOnReviewAsync(string? userId, int reviewId, CancellationToken cancellationToken) =>
        userId is null ? [] : await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive && u.Email != null)
            .Where(u => db.ReviewLinkOfficers.Any(l => l.ReviewId == reviewId && l.UserId == u.Id)
                || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.ScrutinyOfficer || r.Name == Roles.Administrator))))
            .Select(u => new EmailRecipient(u.Email!, u.DisplayName))
            .ToListAsync(cancellationToken);
}

/// <summary>An account an e-mail goes to, and which scheduled e-mails it turned off (Your e-mail settings).</summary>
public sealed record Person(string Id, string Email, string Name, bool RemindersOff = false, bool DigestOff = false)
{
    public EmailRecipient Recipient => new(Email, Name);
}
