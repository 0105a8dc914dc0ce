using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ScrutinyTracker.Web.Data;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Data;

/// <summary>
/// A database made before the monitoring cycle keeps working after its migration (docs/decisions/0010):
/// recommendations count as accepted, closed rounds as considered with accepted grade 1s signed off, so
/// the same actions carry forward as before; committees get 12 and 6 months.
/// </summary>
public sealed class MonitoringCycleMigrationTests : IDisposable
{
    private const string BeforeTheCycle = "20261124092251_EvidenceLengthCheck";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scrutinytracker-migration-{Guid.NewGuid():N}.db");

    private SqliteScrutinyDbContext Create() =>
        new(new DbContextOptionsBuilder<SqliteScrutinyDbContext>().UseSqlite($"Data Source={_file}").Options);

    [Fact]
    public async Task Existing_reviews_stay_monitored_and_carry_forward_the_same_actions()
    {
        await using (var db = Create())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeTheCycle);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO SelectCommittees (Id, Name, NormalizedName) VALUES (1, 'Crime and Disorder Select Committee', 'CRIME AND DISORDER SELECT COMMITTEE');
                INSERT INTO Reviews (Id, Title, SelectCommitteeId, ActionPlanAgreed, Status, Version) VALUES (1, 'Old review', 1, '2019-03-01', 'Monitoring', '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B01');
                INSERT INTO Recommendations (Id, ReviewId, Number, Text, Position, Version) VALUES (1, 1, 1, 'One', 0, '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B02');
                INSERT INTO PlanActions (Id, RecommendationId, Responsibility, TargetDate, AgreedAction, SuccessMeasure, Position, Version) VALUES
                    (1, 1, 'Someone', 'May 2019', 'Achieved', 'Done', 0, '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B03'),
                    (2, 1, 'Someone', 'May 2019', 'Going', 'Done', 1, '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B04');
                INSERT INTO Rounds (Id, ReviewId, Label, DueDate, Status, OpenedAtUtc, Version) VALUES (1, 1, 'March 2020', '2020-03-31', 'Closed', '2020-02-01 00:00:00', '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B05');
                INSERT INTO ProgressUpdates (Id, PlanActionId, RoundId, Evidence, Grade, Status, Version) VALUES
                    (1, 1, 1, 'Done it', 1, 'Accepted', '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B06'),
                    (2, 2, 1, 'Going', 2, 'Accepted', '8D3C0A39-6C21-4F5C-9A53-1A3E7E5C0B07');
                """);
            await db.Database.MigrateAsync();
        }

        await using var migrated = Create();
        var response = await migrated.ExecutiveResponses.SingleAsync();
        response.ShouldSatisfyAllConditions(
            r => r.Decision.ShouldBe(ExecutiveDecision.Accepted),
            r => r.DecidedOn.ShouldBeNull(),
            r => r.Text.ShouldBeNull());
        var consideration = await migrated.CommitteeConsiderations.SingleAsync();
        consideration.MeetingDate.ShouldBeNull();
        consideration.SelectCommitteeId.ShouldBe(1);
        (await migrated.CommitteeDecisions.OrderBy(d => d.ProgressUpdateId).Select(d => d.Outcome).ToListAsync())
            .ShouldBe([CommitteeOutcome.SignedOff, CommitteeOutcome.ContinueMonitoring]);
        (await migrated.PlanActions.Where(Monitoring.NeedsUpdate).Select(a => a.AgreedAction).ToListAsync()).ShouldBe(["Going"]);
        var committee = await migrated.SelectCommittees.SingleAsync();
        (committee.FirstUpdateMonths, committee.FollowUpMonths).ShouldBe((12, 6));
        var life = ReviewLife.Of(await migrated.Reviews.Select(ReviewFacts.Projection).SingleAsync());
        life.Stage.ShouldBe(ReviewStage.Monitoring);
        life.NextUpdateDue.ShouldBe(new DateOnly(2020, 9, 30));
        life.RoundAwaitingCommittee.ShouldBeNull();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
