using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Web.Infrastructure.Database;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs several saves as one transaction, through the provider's execution strategy (SQL Server's
    /// retrying strategy refuses a transaction begun outside it). Inside a transaction already, it just runs.
    /// </summary>
    public static Task InTransactionAsync(this ScrutinyDbContext db, Func<Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work();
        }

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await work();
            await transaction.CommitAsync(cancellationToken);
        });
    }
}
