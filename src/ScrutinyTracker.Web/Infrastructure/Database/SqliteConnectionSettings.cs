using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ScrutinyTracker.Web.Infrastructure.Database;

/// <summary>
/// SQLite set up for a server (decision 0017), once per physical connection — the pool hands the same
/// connection out again, so a pooled open costs nothing more:
/// <list type="bullet">
/// <item>WAL journal: readers never block the writer nor the writer readers (the rollback journal let one
/// page read stall every save behind it);</item>
/// <item><c>synchronous=FULL</c>: every commit is on disk before the save is acknowledged, so a power cut
/// loses no update a link officer was told was saved (NORMAL could roll the last ones back);</item>
/// <item>a busy timeout, so SQLite itself waits for the write lock instead of failing at once and leaving
/// Microsoft.Data.Sqlite to retry in 150 ms steps (the bursts of acknowledgements 4 s apart).</item>
/// </list>
/// A read-only connection (EF Core opens one to see whether the file exists) cannot change the journal, so
/// it gets the busy timeout only: asking it for WAL on a file still in rollback-journal mode (a database
/// from before WAL, or a backup copy) failed, and with it the app's start.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly string Pragmas =
        $"PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    private static readonly string ReadOnlyPragmas = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    // Keyed by SQLite's own handle, which lives as long as the physical connection; pooled opens reuse it.
    private readonly ConditionalWeakTable<object, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = PragmasFor(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = PragmasFor(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string PragmasFor(SqliteConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? ReadOnlyPragmas : Pragmas;

    private SqliteConnection? NeedsSettings(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && _configured.TryAdd(handle, handle) ? sqlite : null;
}
