using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>What a test injects as a "transient" database failure, like SQL Server's error 1205 or 40613.</summary>
public sealed class TransientTestException(string message) : DbException(message);

/// <summary>
/// A retrying execution strategy for SQLite, as SQL Server's EnableRetryOnFailure gives in production: it
/// retries only <see cref="TransientTestException"/>, but like every retrying strategy it refuses a
/// transaction begun outside it. Every test app uses it, so any code that opens a transaction outside
/// <c>strategy.ExecuteAsync</c> fails the tests, as it would fail on SQL Server.
/// </summary>
public sealed class RetryingTestStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(1))
{
    protected override bool ShouldRetryOn(Exception exception) => exception is TransientTestException;

    public static void Use(DbContextOptionsBuilder options) =>
        new Microsoft.EntityFrameworkCore.Infrastructure.SqliteDbContextOptionsBuilder(options).ExecutionStrategy(d => new RetryingTestStrategy(d));
}

/// <summary>Fails chosen database commands or commits, a set number of times, transiently or for good.</summary>
public sealed class FaultInjector : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly Lock _lock = new();
    private Func<string, bool>? _matches;
    private int _remaining;
    private bool _transient;

    public int Injected { get; private set; }

    /// <summary>The next <paramref name="times"/> commands whose SQL contains <paramref name="sql"/> fail.</summary>
    public void FailCommands(string sql, int times, bool transient = true) => Arm(text => text.Contains(sql, StringComparison.Ordinal), times, transient);

    /// <summary>The next <paramref name="times"/> commits fail (after their commands ran, before anything is kept).</summary>
    public void FailCommits(int times, bool transient = true) => Arm(text => text == Commit, times, transient);

    public void Reset() => Arm(null, 0, true);

    private const string Commit = "COMMIT";

    private void Arm(Func<string, bool>? matches, int times, bool transient)
    {
        lock (_lock)
        {
            (_matches, _remaining, _transient, Injected) = (matches, times, transient, 0);
        }
    }

    private void MaybeFail(string text)
    {
        lock (_lock)
        {
            if (_remaining == 0 || _matches?.Invoke(text) != true)
            {
                return;
            }

            _remaining--;
            Injected++;
            throw _transient
                ? new TransientTestException($"Injected transient failure at: {text[..Math.Min(60, text.Length)]}")
                : new InvalidOperationException($"Injected permanent failure at: {text[..Math.Min(60, text.Length)]}");
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        MaybeFail(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MaybeFail(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        MaybeFail(Commit);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        MaybeFail(Commit);
        return result;
    }
}
