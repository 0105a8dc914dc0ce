using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScrutinyTracker.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewSummaries",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NextUpdateDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExecutiveResponseDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RoundAwaitingCommittee = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AwaitingResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    HasOpenRound = table.Column<bool>(type: "INTEGER", nullable: false),
                    LatestRound = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FullyAchieved = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTrack = table.Column<int>(type: "INTEGER", nullable: false),
                    Slipped = table.Column<int>(type: "INTEGER", nullable: false),
                    NotAchieved = table.Column<int>(type: "INTEGER", nullable: false),
                    NotGraded = table.Column<int>(type: "INTEGER", nullable: false),
                    PercentFullyAchieved = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedOff = table.Column<int>(type: "INTEGER", nullable: false),
                    AwaitingCommittee = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSummaries", x => x.ReviewId);
                    table.ForeignKey(
                        name: "FK_ReviewSummaries_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_Status_DueDate",
                table: "Rounds",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_AgreedYear",
                table: "ReviewSummaries",
                column: "AgreedYear");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_ExecutiveResponseDue",
                table: "ReviewSummaries",
                column: "ExecutiveResponseDue");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_NextUpdateDue_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "NextUpdateDue", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_PercentFullyAchieved_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "PercentFullyAchieved", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_Stage_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "Stage", "TitleKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_TitleKey",
                table: "ReviewSummaries",
                column: "TitleKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_Status_DueDate",
                table: "Rounds");
        }
    }
}
