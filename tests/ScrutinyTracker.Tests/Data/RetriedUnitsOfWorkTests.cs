using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Data.Seed;
using ScrutinyTracker.Web.Domain;

namespace ScrutinyTracker.Tests.Data;

/// <summary>
/// SQL Server retries transient failures (issue 12, point 11). SQL Server cannot run here, so the
/// same pattern is driven on SQLite with a retrying strategy and injected failures: a retried unit of
/// work saves its change and its audit rows exactly once, and a failed one saves neither.
/// </summary>
public sealed class RetriedUnitsOfWorkTests(RetriedUnitsOfWorkTests.FlakyAppFactory app) : IClassFixture<RetriedUnitsOfWorkTests.FlakyAppFactory>
{
    [Fact]
    public async Task A_transient_failure_writing_the_audit_rows_is_retried_and_both_are_saved_once()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = await CommitteeIdAsync();
        app.Faults.FailCommands("INSERT INTO \"AuditEntries\"", times: 1);

        var response = await client.SubmitFormAsync($"/select-committees/{id}/rename", [new("Form.Name", "Retried Rename Select Committee")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Faults.Injected.ShouldBe(1);
        (await NameAsync(id)).ShouldBe("Retried Rename Select Committee");
        (await AuditOfNameAsync(id, "Retried Rename Select Committee")).ShouldBe(1, "the rolled-back attempt's audit row is gone, the retry's is kept");
    }

    [Fact]
    public async Task A_transient_failure_at_commit_of_a_unit_of_several_saves_is_retried_from_the_start()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var (reviewId, secondId, firstId) = await app.WithDbAsync(async db =>
        {
            var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Title == "Hate Crime");
            var ids = await db.Recommendations.AsNoTracking().Where(r => r.ReviewId == review.Id).OrderBy(r => r.Position).Select(r => r.Id).Take(2).ToListAsync();
            return (review.Id, ids[1], ids[0]);
        });
        var plan = await client.GetDocumentAsync($"/reviews/{reviewId}/plan");
        app.Faults.FailCommits(times: 1);

        var response = await client.SubmitFormAsync(plan, [new("direction", "Earlier")], $"form[action='/reviews/{reviewId}/plan/recommendations/{secondId}/move']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Faults.Injected.ShouldBe(1);
        var numbers = await app.WithDbAsync(db => db.Recommendations.AsNoTracking().Where(r => r.Id == firstId || r.Id == secondId).ToDictionaryAsync(r => r.Id, r => r.Number));
        numbers[secondId].ShouldBe(1);
        numbers[firstId].ShouldBe(2);
        var trail = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Recommendation) && e.EntityId == secondId.ToString() && e.Field == nameof(Recommendation.Number) && e.Kind == AuditKind.Modified)
            .OrderBy(e => e.Id).Select(e => e.OldValue + "→" + e.NewValue).ToListAsync());
        trail.Count.ShouldBe(2, "stepping aside and taking its new number, once each: " + string.Join(", ", trail));
        trail[^1].ShouldEndWith("→1");
    }

    [Fact]
    public async Task A_transient_failure_storing_a_new_session_still_signs_in()
    {
        app.Faults.FailCommands("INSERT INTO \"UserSessions\"", times: 1);

        var client = await app.SignedInAsync(DemoUsers.CommitteeMemberEmail);

        app.Faults.Injected.ShouldBe(1);
        (await client.GetAsync("/dashboard")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The guard on atomicity: a change is never kept without its audit rows.</summary>
    [Fact]
    public async Task When_the_audit_rows_cannot_be_written_the_change_is_not_saved_either()
    {
        var client = await app.SignedInAsync(DemoUsers.ScrutinyOfficerEmail);
        var id = await CommitteeIdAsync();
        var before = await NameAsync(id);
        app.Faults.FailCommands("INSERT INTO \"AuditEntries\"", times: 1, transient: false);

        var response = await client.SubmitFormAsync($"/select-committees/{id}/rename", [new("Form.Name", "Never Audited Select Committee")]);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await NameAsync(id)).ShouldBe(before);
        (await AuditOfNameAsync(id, "Never Audited Select Committee")).ShouldBe(0);
    }

    private Task<int> CommitteeIdAsync() => app.WithDbAsync(db => db.SelectCommittees.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());

    private Task<string> NameAsync(int id) => app.WithDbAsync(db => db.SelectCommittees.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).SingleAsync());

    private Task<int> AuditOfNameAsync(int id, string name) => app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .CountAsync(e => e.EntityType == nameof(SelectCommittee) && e.EntityId == id.ToString() && e.Field == nameof(SelectCommittee.Name) && e.NewValue == name));

    public sealed class FlakyAppFactory : ScrutinyAppFactory
    {
        public FaultInjector Faults { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteScrutinyDbContext>(o => o.AddInterceptors(Faults)));
        }
    }
}
