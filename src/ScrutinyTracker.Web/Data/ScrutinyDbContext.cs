using System.Data.Common;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
    public DbSet<ExecutiveResponse> ExecutiveResponses => Set<ExecutiveResponse>();
    public DbSet<CommitteeConsideration> CommitteeConsiderations => Set<CommitteeConsideration>();
    public DbSet<CommitteeDecision> CommitteeDecisions => Set<CommitteeDecision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Infrastructure.Email.OutboxMessage> OutboxMessages => Set<Infrastructure.Email.OutboxMessage>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();
    public DbSet<DocumentImport> DocumentImports => Set<DocumentImport>();
    public DbSet<ReviewSummary> ReviewSummaries => Set<ReviewSummary>();
    public DbSet<RoundSummary> RoundSummaries => Set<RoundSummary>();
    public DbSet<CommitteeRoundLabel> CommitteeRoundLabels => Set<CommitteeRoundLabel>();

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

    /// <summary>
    /// A save outside a unit of work is one by itself: its changes and their audit rows
    /// (<see cref="Infrastructure.Auditing.AuditingInterceptor"/>) commit in one transaction, run by the
    /// execution strategy so SQL Server retries it after a transient failure. Nothing is accepted into the
    /// change tracker until the commit, so a retry saves the same changes again.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var saved = Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = Database.BeginTransaction();
            var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
            transaction.Commit();
            return count;
        });
        AcceptIf(acceptAllChangesOnSuccess);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        AcceptIf(acceptAllChangesOnSuccess);
        return saved;
    }

    /// <summary>
    /// A second context on this one's connection, enlisted in its transaction, for rows that must commit
    /// with this save but not pass through its change tracker (the audit trail: saving it here would
    /// save this context's not-yet-accepted changes a second time).
    /// </summary>
    public ScrutinyDbContext CreateEnlistedContext()
    {
        var transaction = Database.CurrentTransaction
            ?? throw new InvalidOperationException("An enlisted context needs the current transaction; save through SaveChanges or InTransactionAsync.");
        // The same command and transaction interceptors (diagnostics, tests' fault injection), not the save interceptors.
        var interceptors = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .Where(i => i is not ISaveChangesInterceptor).ToList() ?? [];
        var context = CreateOnConnection(Database.GetDbConnection(), interceptors);
        context.Database.UseTransaction(transaction.GetDbTransaction());
        return context;
    }

    protected abstract ScrutinyDbContext CreateOnConnection(DbConnection connection, IReadOnlyList<IInterceptor> interceptors);

    private void AcceptIf(bool acceptAllChangesOnSuccess)
    {
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
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

public sealed class SqliteScrutinyDbContext(DbContextOptions<SqliteScrutinyDbContext> options) : ScrutinyDbContext(options)
{
    protected override ScrutinyDbContext CreateOnConnection(DbConnection connection, IReadOnlyList<IInterceptor> interceptors) =>
        new SqliteScrutinyDbContext(new DbContextOptionsBuilder<SqliteScrutinyDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options);
}

public sealed class SqlServerScrutinyDbContext(DbContextOptions<SqlServerScrutinyDbContext> options) : ScrutinyDbContext(options)
{
    protected override ScrutinyDbContext CreateOnConnection(DbConnection connection, IReadOnlyList<IInterceptor> interceptors) =>
        new SqlServerScrutinyDbContext(new DbContextOptionsBuilder<SqlServerScrutinyDbContext>().UseSqlServer(connection).AddInterceptors(interceptors).Options);
}
