using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ScrutinyTracker.Web.Data;

// Used only by `dotnet ef migrations add … --context SqliteScrutinyDbContext|SqlServerScrutinyDbContext`.
// Neither connects: scaffolding a migration reads the model, not a database.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteScrutinyDbContext>
{
    public SqliteScrutinyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteScrutinyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerScrutinyDbContext>
{
    public SqlServerScrutinyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerScrutinyDbContext>().UseSqlServer("Server=design-time;Database=ScrutinyTracker").Options);
}
