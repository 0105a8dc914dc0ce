using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScrutinyTracker.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EvidenceLengthCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "CK_ProgressUpdates_EvidenceLength",
                table: "ProgressUpdates",
                sql: "LEN(Evidence) <= 10000");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ProgressUpdates_EvidenceLength",
                table: "ProgressUpdates");
        }
    }
}
