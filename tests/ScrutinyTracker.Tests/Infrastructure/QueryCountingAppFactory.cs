using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Web.Data;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>The app with a <see cref="SqlCommandCounter"/> on its DbContext, beside the app's own interceptors.</summary>
public class QueryCountingAppFactory : ScrutinyAppFactory
{
    public SqlCommandCounter Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteScrutinyDbContext>(options => options.AddInterceptors(Commands)));
    }

    /// <summary>
    /// The SQL commands one GET sends, signed in afresh as <paramref name="email"/> just before, so
    /// nothing but the page itself (not even the periodic sign-in check) reaches the database.
    /// </summary>
    public async Task<IReadOnlyList<string>> CommandsForPageAsync(string email, string url)
    {
        var client = CreateBrowser();
        await client.SignInAsync(email);
        return await Commands.DuringAsync(() => client.GetDocumentAsync(url));
    }
}
