using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Search;

/// <summary>
/// The triggers that keep the FTS5 index current after every migration. A later migration that rebuilds one
/// of these tables (SQLite's way of altering a column) drops its triggers with it: this test then fails, and
/// that migration must create them again (decision 0020).
/// </summary>
public sealed class SearchIndexTriggersTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Fact]
    public async Task Every_searched_table_has_its_insert_update_and_delete_triggers_and_the_index_holds_every_text()
    {
        var triggers = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'Search_%' ORDER BY name").ToListAsync());

        string[] tables = ["PlanActions", "ProgressUpdates", "RecommendationParts", "Recommendations", "Reviews"];
        triggers.ShouldBe(tables.SelectMany(t => new[] { $"Search_{t}_Delete", $"Search_{t}_Insert", $"Search_{t}_Update" }).Order(StringComparer.Ordinal).ToList());

        var (indexed, texts) = await app.WithDbAsync(async db => (
            await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM SearchIndex").SingleAsync(),
            await db.Reviews.CountAsync() + await db.Recommendations.CountAsync() + await db.RecommendationParts.CountAsync()
                + await db.PlanActions.CountAsync(a => a.AgreedAction != "") + await db.PlanActions.CountAsync(a => a.SuccessMeasure != "")
                + await db.ProgressUpdates.CountAsync(u => u.Evidence != "")));
        indexed.ShouldBe(texts, "the demo data, indexed by the migration and the triggers");
    }
}
