using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Infrastructure.Database;

/// <summary>
/// Units of work of several saves, in one transaction, through the provider's execution strategy
/// (EF Core's documented pattern for retrying strategies: the transaction inside
/// <c>strategy.ExecuteAsync</c>). On SQL Server a transient failure runs the whole unit again, so
/// <paramref name="work"/> must load what it changes: a retry starts on an empty change tracker.
/// A single <see cref="ScrutinyDbContext.SaveChangesAsync(bool, CancellationToken)"/> outside a unit of
/// work is a unit of work by itself (the context does the same for it). Inside one already, it just runs.
/// </summary>
public static class TransactionExtensions
{
    public static Task InTransactionAsync(this ScrutinyDbContext db, Func<Task> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () => { await work(); return true; }, cancellationToken);

    public static Task<T> InTransactionAsync<T>(this ScrutinyDbContext db, Func<Task<T>> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(work, _ => true, cancellationToken);

    /// <summary>Commits only when <paramref name="commitIf"/> approves the result (a refused Identity change, say); otherwise rolls back.</summary>
    public static async Task<T> InTransactionAsync<T>(this ScrutinyDbContext db, Func<Task<T>> work, Func<T, bool> commitIf, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Part of a larger unit of work, which commits or rolls back as a whole.
            return await work();
        }

        var attempt = 0;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0)
            {
                // What the failed attempt saved was rolled back; forget what it tracked and start again.
                db.ChangeTracker.Clear();
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            if (commitIf(result))
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }, cancellationToken);
    }
}
