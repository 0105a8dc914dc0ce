using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

/// <summary>
/// The round form reads everything on one connection, opened once: each pooled SQLite open takes the pool's
/// lock and has EF Core register its functions again, which the profile under load showed (docs/benchmarks.md).
/// </summary>
public sealed class RoundFormConnectionTests(RoundFormConnectionTests.App app) : IClassFixture<RoundFormConnectionTests.App>
{
    [Fact]
    public async Task The_round_form_runs_its_queries_on_one_connection_opened_once()
    {
        var roundId = await app.WithDbAsync(db => db.Rounds
            .Where(r => r.Review!.Title == "Hate Crime" && r.Status == RoundStatus.Open).Select(r => r.Id).SingleAsync());
        var client = app.CreateBrowser();
        await client.SignInAsync(DemoUsers.LinkOfficerEmail);

        app.Connections.Clear();
        var page = await client.GetDocumentAsync($"/rounds/{roundId}/updates");

        page.QuerySelectorAll("[data-update]").Length.ShouldBe(4, "the page still shows the round's actions");
        var pageContext = app.Connections.ContextThatRead("\"ReturnComment\"");
        app.Connections.CommandsOf(pageContext).ShouldBeGreaterThanOrEqualTo(3, "the round, the access check, the updates and the earlier ones");
        app.Connections.OpensOf(pageContext).ShouldBe(1);
    }

    public sealed class App : ScrutinyAppFactory
    {
        public ConnectionCounter Connections { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
                services.ConfigureDbContext<SqliteScrutinyDbContext>(options => options.AddInterceptors(Connections)));
        }
    }

    /// <summary>Connection opens and commands, by the DbContext that made them.</summary>
    public sealed class ConnectionCounter : IDbConnectionInterceptor, IDbCommandInterceptor
    {
        private readonly ConcurrentQueue<(DbContext? Context, string? Command)> _events = new();

        public void Clear() => _events.Clear();

        public DbContext ContextThatRead(string column) =>
            _events.Where(e => e.Command?.Contains(column, StringComparison.Ordinal) == true).Select(e => e.Context).Distinct().ShouldHaveSingleItem()!;

        public int OpensOf(DbContext context) => _events.Count(e => e.Context == context && e.Command is null);

        public int CommandsOf(DbContext context) => _events.Count(e => e.Context == context && e.Command is not null);

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => _events.Enqueue((eventData.Context, null));

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            _events.Enqueue((eventData.Context, null));
            return Task.CompletedTask;
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _events.Enqueue((eventData.Context, command.CommandText));
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            _events.Enqueue((eventData.Context, command.CommandText));
            return result;
        }
    }
}
