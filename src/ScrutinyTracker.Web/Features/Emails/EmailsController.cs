using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Email;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.Emails;

/// <summary>Administrators see what the service has sent, what waits and what failed with the server's reply, and retry a failed one.</summary>
[Authorize(Policy = Policies.ManageUsers)]
public sealed class EmailsController(ScrutinyDbContext db, EmailSettings settings, OutboxSignal signal, TimeProvider clock) : Controller
{
    public const int PageSize = 50;

    [HttpGet("emails")]
    public async Task<IActionResult> Emails(OutboxStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(page, 1);
        var counts = await db.OutboxMessages.AsNoTracking()
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => status == null || m.Status == status)
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(m => new EmailItem(m.Id, m.Kind, m.To, m.Cc, m.Subject, m.Status, m.CreatedAtUtc, m.SentAtUtc, m.NextAttemptAtUtc, m.Attempts, m.LastError))
            .ToListAsync(cancellationToken);
        return View(new EmailsView(settings.Provider, status, page, counts, messages.Take(PageSize).ToList(), messages.Count > PageSize));
    }

    /// <summary>Sends a failed or waiting message at once, with a fresh set of attempts.</summary>
    [HttpPost("emails/{messageId:int}/retry")]
    public async Task<IActionResult> Retry(int messageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var retried = await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Status != OutboxStatus.Sent)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Waiting)
                .SetProperty(m => m.NextAttemptAtUtc, now)
                .SetProperty(m => m.Attempts, 0), cancellationToken);
        if (retried == 0)
        {
            return await db.OutboxMessages.AnyAsync(m => m.Id == messageId, cancellationToken)
                ? RedirectToAction(nameof(Emails))
                : NotFound();
        }

        signal.Pulse();
        TempData["Success"] = "The e-mail will be sent again now. Its status below changes once the mail server has answered.";
        return RedirectToAction(nameof(Emails));
    }
}

public sealed record EmailItem(int Id, string Kind, string To, string? Cc, string Subject, OutboxStatus Status, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, int Attempts, string? LastError);

public sealed record EmailsView(EmailProvider Provider, OutboxStatus? Status, int Page, IReadOnlyDictionary<OutboxStatus, int> Counts, IReadOnlyList<EmailItem> Messages, bool HasMore)
{
    public int Count(OutboxStatus status) => Counts.TryGetValue(status, out var count) ? count : 0;

    public static string KindName(string kind) => kind switch
    {
        ProgressEmails.RoundOpenedKind => "Round opened",
        ProgressEmails.UpdateReturnedKind => "Update returned",
        ProgressEmails.UpdatesSubmittedKind => "All updates submitted",
        _ => kind,
    };

    public static string StatusName(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => "Waiting",
        OutboxStatus.Sent => "Sent",
        _ => "Failed",
    };

    public static string StatusClass(OutboxStatus status) => status switch
    {
        OutboxStatus.Waiting => "govuk-tag--yellow",
        OutboxStatus.Sent => "govuk-tag--green",
        _ => "govuk-tag--red",
    };
}
