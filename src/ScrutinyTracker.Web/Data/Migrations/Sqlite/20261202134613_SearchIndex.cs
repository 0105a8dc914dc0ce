using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScrutinyTracker.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index of search (decision 0020): an FTS5 table of every searchable text, one row per
    /// text, kept current by triggers in the same transaction as each change. A row's rowid is its source's
    /// Id * 8 + its kind (1 review title, 2 recommendation, 3 part, 4 agreed action, 5 success measure,
    /// 6 evidence), so a trigger finds its row without a scan. Written out here, not shared with app code,
    /// so this migration stays what it was when it ran.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        private static readonly string[] Triggers =
        [
            "Search_Reviews_Insert", "Search_Reviews_Update", "Search_Reviews_Delete",
            "Search_Recommendations_Insert", "Search_Recommendations_Update", "Search_Recommendations_Delete",
            "Search_RecommendationParts_Insert", "Search_RecommendationParts_Update", "Search_RecommendationParts_Delete",
            "Search_PlanActions_Insert", "Search_PlanActions_Update", "Search_PlanActions_Delete",
            "Search_ProgressUpdates_Insert", "Search_ProgressUpdates_Update", "Search_ProgressUpdates_Delete",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE SearchIndex USING fts5(
                    Body, ReviewId UNINDEXED, ActionId UNINDEXED, RoundId UNINDEXED,
                    tokenize = 'porter unicode61 remove_diacritics 2');
                """);

            Source(migrationBuilder, "Reviews", "Title", kind: 1, columns: "Title",
                values: "{0}.Title, {0}.Id, NULL, NULL");
            Source(migrationBuilder, "Recommendations", "Text", kind: 2, columns: "Text",
                values: "{0}.Text, {0}.ReviewId, NULL, NULL");
            Source(migrationBuilder, "RecommendationParts", "Text", kind: 3, columns: "Text",
                values: "{0}.Text, (SELECT c.ReviewId FROM Recommendations c WHERE c.Id = {0}.RecommendationId), NULL, NULL");
            Actions(migrationBuilder);
            Source(migrationBuilder, "ProgressUpdates", "Evidence", kind: 6, columns: "Evidence, PlanActionId, RoundId",
                values: "{0}.Evidence, (SELECT r.ReviewId FROM Rounds r WHERE r.Id = {0}.RoundId), {0}.PlanActionId, {0}.RoundId");
        }

        /// <summary>A plan action gives two rows, its agreed action (kind 4) and its success measure (kind 5).</summary>
        private static void Actions(MigrationBuilder migrationBuilder)
        {
            const string review = "(SELECT c.ReviewId FROM Recommendations c WHERE c.Id = {0}.RecommendationId)";
            string Insert(string row) => $"""
                INSERT INTO SearchIndex(rowid, Body, ReviewId, ActionId, RoundId)
                    SELECT {row}.Id * 8 + 4, {row}.AgreedAction, {string.Format(review, row)}, {row}.Id, NULL WHERE {row}.AgreedAction <> '';
                INSERT INTO SearchIndex(rowid, Body, ReviewId, ActionId, RoundId)
                    SELECT {row}.Id * 8 + 5, {row}.SuccessMeasure, {string.Format(review, row)}, {row}.Id, NULL WHERE {row}.SuccessMeasure <> '';
                """;
            const string delete = "DELETE FROM SearchIndex WHERE rowid IN (old.Id * 8 + 4, old.Id * 8 + 5);";
            migrationBuilder.Sql($"CREATE TRIGGER Search_PlanActions_Insert AFTER INSERT ON PlanActions BEGIN {Insert("new")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Search_PlanActions_Update AFTER UPDATE OF AgreedAction, SuccessMeasure, RecommendationId ON PlanActions BEGIN {delete} {Insert("new")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Search_PlanActions_Delete AFTER DELETE ON PlanActions BEGIN {delete} END;");
            migrationBuilder.Sql($"""
                INSERT INTO SearchIndex(rowid, Body, ReviewId, ActionId, RoundId)
                    SELECT a.Id * 8 + 4, a.AgreedAction, {string.Format(review, "a")}, a.Id, NULL FROM PlanActions a WHERE a.AgreedAction <> '';
                INSERT INTO SearchIndex(rowid, Body, ReviewId, ActionId, RoundId)
                    SELECT a.Id * 8 + 5, a.SuccessMeasure, {string.Format(review, "a")}, a.Id, NULL FROM PlanActions a WHERE a.SuccessMeasure <> '';
                """);
        }

        /// <summary>Insert, update and delete triggers of one text column, and the rows of what is there already.</summary>
        /// <param name="values">Body, ReviewId, ActionId, RoundId of the row, with {0} for the source row's alias.</param>
        private static void Source(MigrationBuilder migrationBuilder, string table, string text, int kind, string columns, string values)
        {
            string Insert(string row) =>
                $"INSERT INTO SearchIndex(rowid, Body, ReviewId, ActionId, RoundId) SELECT {row}.Id * 8 + {kind}, {string.Format(values, row)} WHERE {row}.{text} <> '';";
            var delete = $"DELETE FROM SearchIndex WHERE rowid = old.Id * 8 + {kind};";
            migrationBuilder.Sql($"CREATE TRIGGER Search_{table}_Insert AFTER INSERT ON {table} BEGIN {Insert("new")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Search_{table}_Update AFTER UPDATE OF {columns} ON {table} BEGIN {delete} {Insert("new")} END;");
            migrationBuilder.Sql($"CREATE TRIGGER Search_{table}_Delete AFTER DELETE ON {table} BEGIN {delete} END;");
            migrationBuilder.Sql(
                $"INSERT INTO SearchIndex(rowid, Body, ReviewId, ActionId, RoundId) SELECT s.Id * 8 + {kind}, {string.Format(values, "s")} FROM {table} s WHERE s.{text} <> '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex;");
        }
    }
}
