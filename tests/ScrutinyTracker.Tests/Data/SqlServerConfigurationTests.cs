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
    public void SQL_Server_retries_transient_failures_with_each_unit_of_work_inside_the_strategy()
    {
        using var services = SqlServerServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutinyDbContext>();

        var strategy = db.Database.CreateExecutionStrategy();
        strategy.ShouldBeOfType<Microsoft.EntityFrameworkCore.SqlServerRetryingExecutionStrategy>();
        strategy.RetriesOnFailure.ShouldBeTrue();
        // A retrying strategy refuses a transaction begun outside it: every test app runs SQLite with one
        // (RetryingTestStrategy), and RetriedUnitsOfWorkTests injects failures, so that pattern is proven there.
    }
}
