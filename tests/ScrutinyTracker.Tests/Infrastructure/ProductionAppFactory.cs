using Microsoft.AspNetCore.Hosting;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>The app as deployed: Production environment, so no demo data and no demo accounts.</summary>
public sealed class ProductionAppFactory : ScrutinyAppFactory
{
    /// <summary>Outside Development cookies are Secure-only, so talk to it over HTTPS as a browser would.</summary>
    protected override Uri BaseAddress => new("https://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // Outside Development the council's identity must be configured (only Development has the demo's).
        builder.UseSetting("Council:Name", "Productionshire Borough Council");
        builder.UseSetting("Council:ContactEmail", "scrutiny@productionshire.gov.uk");
    }
}
