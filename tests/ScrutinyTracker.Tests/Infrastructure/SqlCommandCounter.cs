using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// Records every SQL command EF Core sends, so a test can prove a page runs the same number of
/// queries however much data there is. Register it with <see cref="QueryCountingAppFactory"/>.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private ConcurrentQueue<CapturedCommand> _commands = new();

    /// <summary>The commands sent while <paramref name="work"/> ran (and nothing else ran against this app).</summary>
    public async Task<IReadOnlyList<string>> DuringAsync(Func<Task> work) =>
        [.. (await CapturedDuringAsync(work)).Select(c => c.Text)];

    /// <summary>The commands sent while <paramref name="work"/> ran, with their parameters, to run again (<see cref="CommandProfile"/>).</summary>
    public async Task<IReadOnlyList<CapturedCommand>> CapturedDuringAsync(Func<Task> work)
    {
        _commands = new ConcurrentQueue<CapturedCommand>();
        await work();
        return [.. _commands];
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        _commands.Enqueue(new CapturedCommand(
            command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => new KeyValuePair<string, object?>(p.ParameterName, p.Value))]));
        return result;
    }
}

/// <summary>A SQL command as the app sent it.</summary>
public sealed record CapturedCommand(string Text, IReadOnlyList<KeyValuePair<string, object?>> Parameters);
