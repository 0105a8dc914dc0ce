using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScrutinyTracker.Web.Infrastructure.Security.Sessions;

/// <summary>
/// Forgets the cached sessions of users whose sessions a unit of work ended, again once its transaction
/// commits: a request that read a session between the delete and the commit saw it still there, and may
/// have kept it (<see cref="SessionCache"/>).
/// </summary>
public sealed class SessionEndings(SessionCache cache) : DbTransactionInterceptor
{
    private readonly HashSet<string> _users = [];

    /// <summary>Forgets this user's sessions now, and again when the current transaction (if any) commits.</summary>
    public void Ended(string userId)
    {
        _users.Add(userId);
        cache.EndedForUser(userId);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetEnded();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ForgetEnded();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _users.Clear();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _users.Clear();

    private void ForgetEnded()
    {
        foreach (var user in _users)
        {
            cache.EndedForUser(user);
        }

        _users.Clear();
    }
}
