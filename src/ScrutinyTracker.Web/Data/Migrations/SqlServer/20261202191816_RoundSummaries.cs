using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScrutinyTracker.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RoundSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Completed",
                table: "ReviewSummaries",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RoundSummaries",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "int", nullable: false),
                    FullyAchieved = table.Column<int>(type: "int", nullable: false),
                    OnTrack = table.Column<int>(type: "int", nullable: false),
                    Slipped = table.Column<int>(type: "int", nullable: false),
                    NotAchieved = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSummaries", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_RoundSummaries_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_ReviewId_Label_DueDate",
                table: "Rounds",
                columns: new[] { "ReviewId", "Label", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSummaries_Completed_TitleKey",
                table: "ReviewSummaries",
                columns: new[] { "Completed", "TitleKey" });

            // The review summaries made before this one are dropped, so that start-up works them out again,
            // with their rounds' (ReviewSummaries.FillMissingAsync).
            migrationBuilder.Sql("DELETE FROM ReviewSummaries;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_ReviewId_Label_DueDate",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_ReviewSummaries_Completed_TitleKey",
                table: "ReviewSummaries");

            migrationBuilder.DropColumn(
                name: "Completed",
                table: "ReviewSummaries");
        }
    }
}
