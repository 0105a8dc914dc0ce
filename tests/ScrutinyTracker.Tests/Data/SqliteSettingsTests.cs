using Microsoft.AspNetCore.Hosting;
using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Tests.Data;

/// <summary>SQLite set up for a server (issue 17, decision 0017), read from the app's own connections.</summary>
public sealed class SqliteSettingsTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task The_apps_connections_use_WAL_synchronous_FULL_and_a_busy_timeout()
    {
        _ = app.Services;
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();

            (await PragmaAsync(connection, "journal_mode")).ShouldBe("wal");
            (await PragmaAsync(connection, "synchronous")).ShouldBe("2", "2 is FULL");
            (await PragmaAsync(connection, "busy_timeout")).ShouldBe(SqliteConnectionSettings.BusyTimeoutMilliseconds.ToString());
            (await PragmaAsync(connection, "foreign_keys")).ShouldBe("1");
        }
    }

    [Fact]
    public async Task Connections_are_pooled_so_the_settings_are_made_once_per_connection()
    {
        // The app's background services (the e-mail sender, the scheduler) open connections of their own
        // at any moment, so an open may now and then be handed another pooled connection; without pooling
        // every open would be a new one.
        const int opens = 12;
        var handles = new List<object>();
        foreach (var _ in Enumerable.Range(0, opens))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();
            new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).Pooling.ShouldBeTrue();
            await db.Database.OpenConnectionAsync();
            handles.Add(((SqliteConnection)db.Database.GetDbConnection()).Handle!);
            await db.Database.CloseConnectionAsync();
        }

        handles.Distinct().Count().ShouldBeLessThanOrEqualTo(3, $"{opens} opens one after another reuse the pooled SQLite connections");
    }

    [Fact]
    public async Task A_save_goes_through_while_another_connection_is_reading()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var committeeId = await app.WithDbAsync(db => db.SelectCommittees.Select(c => c.Id).FirstAsync());

        // A reader in the middle of a transaction holds its snapshot; with a rollback journal the
        // save below would wait for it until the busy timeout and fail.
        await using var reader = new SqliteConnection(app.ConnectionString);
        await reader.OpenAsync();
        // Deferred: a read transaction (Microsoft.Data.Sqlite begins IMMEDIATE, a writer, by default).
        await using var transaction = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM ProgressUpdates";
            (await read.ExecuteScalarAsync()).ShouldNotBeNull();
        }

        var started = DateTime.UtcNow;
        var response = await client.SubmitFormAsync($"/select-committees/{committeeId}/rename", [new("Form.Name", "Renamed While Read Select Committee")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromMilliseconds(SqliteConnectionSettings.BusyTimeoutMilliseconds), "the save did not wait for the reader");
        (await app.WithDbAsync(db => db.SelectCommittees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).SingleAsync()))
            .ShouldBe("Renamed While Read Select Committee");
    }

    [Fact]
    public async Task A_database_file_with_a_rollback_journal_opens_and_is_switched_to_WAL()
    {
        // VACUUM INTO writes a copy with a rollback journal, as a database from before WAL, or a backup, is.
        var copy = Path.Combine(Path.GetTempPath(), $"scrutinytracker-test-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = new SqliteConnection(app.ConnectionString))
            {
                await source.OpenAsync();
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = $"VACUUM INTO '{copy}'";
                await vacuum.ExecuteNonQueryAsync();
            }

            (await JournalModeOfAsync(copy)).ShouldBe("delete");

            await using var restored = app.WithWebHostBuilder(b => b.UseSetting("Database:ConnectionString", $"Data Source={copy}"));
            var client = restored.CreateClient();

            (await client.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK, "the app starts on the file");
            (await JournalModeOfAsync(copy)).ShouldBe("wal");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { copy, copy + "-wal", copy + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<string?> JournalModeOfAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        return await PragmaAsync(connection, "journal_mode");
    }

    private static async Task<string?> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
