using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Emails;
using ScrutinyTracker.Web.Infrastructure.Security;

namespace ScrutinyTracker.Web.Features.CheckUpdates;

public enum CheckResult
{
    Done,

    /// <summary>The update is not in the state the decision needs (e.g. returning one that is not submitted).</summary>
    WrongStatus,

    /// <summary>Someone changed the update since the officer looked at it.</summary>
    Changed,
    RoundClosed,
}

/// <summary>A scrutiny officer's decisions on submitted updates: accept, return with a comment, or reopen an accepted one.</summary>
public sealed class UpdateChecking(ScrutinyDbContext db, ReviewAccess access, ProgressEmails emails, TimeProvider clock)
{
    /// <summary>Accepts the submitted updates the officer saw, unchanged; returns how many were accepted and how many had changed.</summary>
    public async Task<(int Accepted, int Skipped)> AcceptAllAsync(int roundId, IReadOnlyList<SeenUpdate> seen, CancellationToken cancellationToken)
    {
        var versions = seen.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Version);
        var ids = versions.Keys.ToList();
        var updates = await db.ProgressUpdates
            .Where(u => u.RoundId == roundId && ids.Contains(u.Id) && u.Status == UpdateStatus.Submitted)
            .ToListAsync(cancellationToken);

        var accepted = updates.Where(u => u.Version == versions[u.Id]).ToList();
        foreach (var update in accepted)
        {
            Decide(update, UpdateStatus.Accepted, update.ReturnComment);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (0, versions.Count);
        }

        return (accepted.Count, versions.Count - accepted.Count);
    }

    /// <summary>Accepts one submitted update, as the officer saw it; any earlier return comment stays in its history.</summary>
    public Task<CheckResult> AcceptAsync(int updateId, Guid version, CancellationToken cancellationToken) =>
        DecideAsync(updateId, version, UpdateStatus.Submitted, UpdateStatus.Accepted, comment: null, cancellationToken);

    public Task<CheckResult> ReturnAsync(int updateId, Guid version, string comment, CancellationToken cancellationToken) =>
        DecideAsync(updateId, version, UpdateStatus.Submitted, UpdateStatus.Returned, comment, cancellationToken);

    /// <summary>Sends an accepted update back to the link officer; the reason becomes the comment they see.</summary>
    public Task<CheckResult> ReopenAsync(int updateId, Guid version, string reason, CancellationToken cancellationToken) =>
        DecideAsync(updateId, version, UpdateStatus.Accepted, UpdateStatus.Returned, reason, cancellationToken);

    /// <param name="comment">The comment the link officer sees; null keeps the update's earlier one.</param>
    private async Task<CheckResult> DecideAsync(int updateId, Guid version, UpdateStatus from, UpdateStatus to, string? comment, CancellationToken cancellationToken)
    {
        var update = await db.ProgressUpdates.SingleAsync(u => u.Id == updateId, cancellationToken);
        var round = await db.Rounds.SingleAsync(r => r.Id == update.RoundId, cancellationToken);
        if (round.Status != RoundStatus.Open)
        {
            return CheckResult.RoundClosed;
        }

        if (update.Version != version)
        {
            return CheckResult.Changed;
        }

        if (update.Status != from)
        {
            return CheckResult.WrongStatus;
        }

        Decide(update, to, comment ?? update.ReturnComment);
        if (to == UpdateStatus.Returned)
        {
            // Told in the same transaction as the return itself.
            await emails.UpdateReturnedAsync(update, round, update.ReturnComment ?? "", access.UserId, cancellationToken);
        }

        // Renewing the round's version makes this decision and a close of the round exclude each other.
        db.Entry(round).Property(r => r.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CheckResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CheckResult.Changed;
        }
    }

    private void Decide(ProgressUpdate update, UpdateStatus status, string? comment)
    {
        update.Status = status;
        update.ReturnComment = comment;
        update.ReviewedById = access.UserId;
        update.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
    }
}
