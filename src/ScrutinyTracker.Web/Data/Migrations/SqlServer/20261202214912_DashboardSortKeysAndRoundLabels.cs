using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScrutinyTracker.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardSortKeysAndRoundLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_AgreedYear",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_PercentFullyAchieved_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SelectCommitteeId",
                table: "Reviews");

            migrationBuilder.AddColumn<int>(
                name: "AchievedSortKey",
                table: "ReviewSummaries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueSortKey",
                table: "ReviewSummaries",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "SelectCommitteeId",
                table: "ReviewSummaries",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CommitteeRoundLabels",
                columns: table => new
                {
                    SelectCommitteeId = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    LatestDueDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeRoundLabels", x => new { x.SelectCommitteeId, x.Label });
                    table.ForeignKey(
                        name: "FK_CommitteeRoundLabels_SelectCommittees_SelectCommitteeId",
                        column: x => x.SelectCommitteeId,
                        principalTable: "SelectCommittees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_AchievedSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "AchievedSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_AgreedYear_AchievedSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "AgreedYear", "AchievedSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_AgreedYear_DueSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "AgreedYear", "DueSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_AgreedYear_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "AgreedYear", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_DueSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "DueSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_SelectCommitteeId_AchievedSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "SelectCommitteeId", "AchievedSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_SelectCommitteeId_DueSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "SelectCommitteeId", "DueSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_SelectCommitteeId_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "SelectCommitteeId", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_Stage_AchievedSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "Stage", "AchievedSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_Stage_DueSortKey_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "Stage", "DueSortKey", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SelectCommitteeId_Title",
                table: "Reviews",
                columns: new[] { "SelectCommitteeId", "Title" });

            // The review summaries made before this one are dropped, so that start-up works them out again with
            // their committees and sort keys, and fills the committees' round labels (ReviewSummaries.FillMissingAsync).
            migrationBuilder.Sql("DELETE FROM ReviewSummaries;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeRoundLabels");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_AchievedSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_AgreedYear_AchievedSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_AgreedYear_DueSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_AgreedYear_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_DueSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_SelectCommitteeId_AchievedSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_SelectCommitteeId_DueSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_SelectCommitteeId_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_Stage_AchievedSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_Stage_DueSortKey_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_SelectCommitteeId_Title",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "AchievedSortKey",
                table: "ReviewSummaries");

            migrationBuilder.DropColumn(
                name: "DueSortKey",
                table: "ReviewSummaries");

            migrationBuilder.DropColumn(
                name: "SelectCommitteeId",
                table: "ReviewSummaries");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_AgreedYear",
                table: "ReviewSummaries",
                column: "AgreedYear");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_PercentFullyAchieved_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "PercentFullyAchieved", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_SelectCommitteeId",
                table: "Reviews",
                column: "SelectCommitteeId");
        }
    }
}
