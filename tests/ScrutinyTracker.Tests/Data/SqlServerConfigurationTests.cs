using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Infrastructure.Database;

namespace ScrutinyTracker.Tests.Data;

/// <summary>How the app configures SQL Server, checked without a server (none runs here).</summary>
public sealed class SqlServerConfigurationTests
{
    private static ServiceProvider SqlServerServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=unused;Database=ScrutinyTracker;Trusted_Connection=True",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddLogging();
        services.AddScrutinyDatabase(configuration, new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = Path.GetTempPath() });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_SQL_Server_context_uses_its_own_migrations()
    {
        using var services = SqlServerServices();
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>().ShouldBeOfType<SqlServerScrutinyDbContext>();
    }

    [Fact]
    public void SQL_Server_does_not_retry_saves_so_a_change_and_its_audit_rows_share_one_transaction()
    {
        using var services = SqlServerServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();

        // A retrying strategy throws on the transaction the auditing interceptor begins for each save.
        db.Database.CreateExecutionStrategy().RetriesOnFailure.ShouldBeFalse();
    }
}
