using Microsoft.Data.Sqlite;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// What each SQL command of a page costs, found by running it again on the same SQLite database: the rows
/// it returns and its query plan (<c>EXPLAIN QUERY PLAN</c>). Nothing is timed.
/// </summary>
public sealed record CommandProfile(string Text, int Rows, IReadOnlyList<string> Plan)
{
    public static async Task<IReadOnlyList<CommandProfile>> OfAsync(string connectionString, IEnumerable<CapturedCommand> commands)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var profiles = new List<CommandProfile>();
        foreach (var command in commands)
        {
            var reading = command.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                || command.Text.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
            profiles.Add(reading
                ? new CommandProfile(command.Text, await RowsAsync(connection, command), await PlanAsync(connection, command))
                : new CommandProfile(command.Text, 0, []));
        }

        return profiles;
    }

    /// <summary>The plan's full scans of a table ("SCAN ProgressUpdates", "SCAN p" for an alias of it), with the table named.</summary>
    public IEnumerable<string> FullScansOf(params string[] tables) =>
        Plan.Where(step => tables.Any(table => IsScanOf(step, table)));

    private bool IsScanOf(string step, string table)
    {
        // "SCAN t" or "SCAN t USING INDEX": the whole table (or whole index) is read. "SEARCH" uses a key.
        var words = step.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var scan = Array.IndexOf(words, "SCAN");
        if (scan < 0 || scan + 1 >= words.Length)
        {
            return false;
        }

        var name = words[scan + 1];
        return name == table || Aliases(table).Contains(name);
    }

    /// <summary>The aliases EF Core gives <paramref name="table"/> in this command ("FROM "ProgressUpdates" AS "p0"").</summary>
    private HashSet<string> Aliases(string table)
    {
        var aliases = new HashSet<string>();
        var marker = $"\"{table}\" AS \"";
        for (var at = Text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var start = at + marker.Length;
            aliases.Add(Text[start..Text.IndexOf('"', start)]);
        }

        return aliases;
    }

    public override string ToString() => $"{Rows} rows; plan: {string.Join(" | ", Plan)}\n{Text}";

    private static async Task<int> RowsAsync(SqliteConnection connection, CapturedCommand captured)
    {
        await using var command = Prepare(connection, captured.Text, captured);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    private static async Task<IReadOnlyList<string>> PlanAsync(SqliteConnection connection, CapturedCommand captured)
    {
        await using var command = Prepare(connection, "EXPLAIN QUERY PLAN " + captured.Text, captured);
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string text, CapturedCommand captured)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in captured.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
