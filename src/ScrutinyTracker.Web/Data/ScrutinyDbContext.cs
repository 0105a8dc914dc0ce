using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Web.Data;

/// <summary>
/// The app's database. One subclass per provider holds that provider's migrations
/// (see docs/decisions/0002-sqlite-default-sql-server-production.md).
/// </summary>
public abstract class ScrutinyDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<SelectCommittee> SelectCommittees => Set<SelectCommittee>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewLinkOfficer> ReviewLinkOfficers => Set<ReviewLinkOfficer>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationPart> RecommendationParts => Set<RecommendationPart>();
    public DbSet<PlanAction> PlanActions => Set<PlanAction>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ScrutinyDbContext).Assembly);

        // Evidence is too long for a sized column on SQL Server (nvarchar(max)) and SQLite sizes nothing,
        // so its limit is a check constraint, written in each provider's own SQL.
        var length = Database.IsSqlServer() ? "LEN" : "length";
        builder.Entity<ProgressUpdate>().ToTable(t => t.HasCheckConstraint(
            "CK_ProgressUpdates_EvidenceLength", $"{length}(Evidence) <= {ProgressUpdate.EvidenceMaxLength}"));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<YearMonth>().HaveConversion<YearMonthConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Gives every changed entity a new concurrency token; the old one stays as the original value,
    /// so a save based on a stale copy affects no row and EF raises DbUpdateConcurrencyException.
    /// </summary>
    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}

public sealed class SqliteScrutinyDbContext(DbContextOptions<SqliteScrutinyDbContext> options) : ScrutinyDbContext(options);

public sealed class SqlServerScrutinyDbContext(DbContextOptions<SqlServerScrutinyDbContext> options) : ScrutinyDbContext(options);
