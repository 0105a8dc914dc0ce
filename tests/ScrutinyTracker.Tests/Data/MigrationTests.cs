using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using ScrutinyTracker.Web.Data;
using Shouldly;

namespace ScrutinyTracker.Tests.Data;

/// <summary>
/// Each provider's migrations must describe the current model, and the model must keep the rules SQL
/// Server enforces but SQLite does not. None of this needs a database server: models are built in memory.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "SqlServer"];

    private static ScrutinyDbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_are_in_step_with_the_model(string provider)
    {
        using var db = Create(provider);

        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"the {provider} migrations lag behind the model: run dotnet ef migrations add <Name> --context {db.GetType().Name} (see docs/architecture.md)");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_has_its_own_migrations(string provider)
    {
        using var db = Create(provider);
        var expectedNamespace = $"ScrutinyTracker.Web.Data.Migrations.{provider}";

        var migrations = typeof(ScrutinyDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Where(t => t.GetCustomAttributes(typeof(DbContextAttribute), false).Cast<DbContextAttribute>().Single().ContextType == db.GetType())
            .ToList();

        migrations.ShouldNotBeEmpty();
        migrations.ShouldAllBe(t => t.Namespace == expectedNamespace);
    }

    [Fact]
    public void No_table_can_be_reached_by_two_cascading_delete_paths()
    {
        using var db = Create("SqlServer");
        var cascades = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade)
            .Select(fk => (From: fk.PrincipalEntityType.GetTableName()!, To: fk.DeclaringEntityType.GetTableName()!))
            .ToList();

        foreach (var start in cascades.Select(c => c.From).Distinct())
        {
            var paths = new Dictionary<string, int>();
            Walk(start);
            paths.Where(p => p.Value > 1).ShouldBeEmpty($"deleting from {start} cascades to these tables by more than one path, which SQL Server refuses");

            void Walk(string table)
            {
                foreach (var next in cascades.Where(c => c.From == table).Select(c => c.To))
                {
                    paths[next] = paths.GetValueOrDefault(next) + 1;
                    Walk(next);
                }
            }
        }
    }

    [Fact]
    public void Indexed_text_columns_have_a_maximum_length()
    {
        using var db = Create("SqlServer");
        var unbounded = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().SelectMany(i => i.Properties)
                .Concat(e.GetKeys().SelectMany(k => k.Properties))
                .Concat(e.GetForeignKeys().SelectMany(f => f.Properties)))
            .Cast<IProperty>()
            .Where(p => p.GetRelationalTypeMapping().StoreType.Contains("(max)", StringComparison.OrdinalIgnoreCase))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .Distinct()
            .ToList();

        unbounded.ShouldBeEmpty("SQL Server cannot index nvarchar(max)");
    }

    [Fact]
    public void No_column_is_a_DateTimeOffset_or_a_decimal()
    {
        using var db = Create("Sqlite");
        var unsortable = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.PropertyInfo?.DeclaringType?.Namespace == typeof(ScrutinyDbContext).Namespace!.Replace(".Data", ".Domain"))
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is var t && (t == typeof(DateTimeOffset) || t == typeof(decimal)))
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .ToList();

        unsortable.ShouldBeEmpty("SQLite cannot compare or order these in SQL; store UTC DateTime");
    }
}
