using System.ComponentModel.DataAnnotations;

namespace ScrutinyTracker.Web.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a relative file path is resolved against the app's content root.</summary>
    [Required(ErrorMessage = "Set Database:ConnectionString (for SQLite e.g. \"Data Source=App_Data/scrutinytracker.db\").")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Seed demo reviews and demo accounts. Only honoured in the Development environment.</summary>
    public bool SeedDemoData { get; set; } = true;
}
