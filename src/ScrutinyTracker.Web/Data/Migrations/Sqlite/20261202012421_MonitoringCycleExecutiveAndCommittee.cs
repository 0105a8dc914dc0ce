using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScrutinyTracker.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonitoringCycleExecutiveAndCommittee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FirstUpdateMonths",
                table: "SelectCommittees",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpMonths",
                table: "SelectCommittees",
                type: "INTEGER",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "SelectCommittees",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AlterColumn<DateOnly>(
                name: "ActionPlanAgreed",
                table: "Reviews",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "FirstUpdateMonths",
                table: "Reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUpMonths",
                table: "Reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MonitoringClosedOn",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringClosedReason",
                table: "Reviews",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportToExecutive",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MonitoringClosedOn",
                table: "Recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MonitoringClosedReason",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DelayReason",
                table: "ProgressUpdates",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedBy",
                table: "ProgressUpdates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitteeConsiderations",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SelectCommitteeId = table.Column<int>(type: "INTEGER", nullable: false),
                    MinuteReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeConsiderations", x => x.RoundId);
                    table.ForeignKey(
                        name: "FK_CommitteeConsiderations_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitteeConsiderations_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitteeConsiderations_SelectCommittees_SelectCommitteeId",
                        column: x => x.SelectCommitteeId,
                        principalTable: "SelectCommittees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeDecisions",
                columns: table => new
                {
                    ProgressUpdateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeDecisions", x => x.ProgressUpdateId);
                    table.CheckConstraint("CK_CommitteeDecisions_Grade", "Grade IS NULL OR Grade BETWEEN 1 AND 4");
                    table.ForeignKey(
                        name: "FK_CommitteeDecisions_ProgressUpdates_ProgressUpdateId",
                        column: x => x.ProgressUpdateId,
                        principalTable: "ProgressUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveResponses",
                columns: table => new
                {
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveResponses", x => x.RecommendationId);
                    table.ForeignKey(
                        name: "FK_ExecutiveResponses_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExecutiveResponses_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Data entered before the monitoring cycle was recorded (docs/decisions/0010): every recommendation was
            // being monitored, so it counts as accepted with its response not recorded; every closed round counts
            // as considered, its meeting not recorded, with the accepted Fully Achieved actions signed off, as
            // the app treated them until now, and the others continuing.
            migrationBuilder.Sql("""
                INSERT INTO ExecutiveResponses (RecommendationId, Decision, Text, DecidedOn, RecordedById, RecordedAtUtc, Version)
                SELECT Id, 'Accepted', NULL, NULL, NULL, NULL, upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(6))) FROM Recommendations;
                """);
            migrationBuilder.Sql("""
                INSERT INTO CommitteeConsiderations (RoundId, MeetingDate, SelectCommitteeId, MinuteReference, RecordedById, RecordedAtUtc, Version)
                SELECT r.Id, NULL, v.SelectCommitteeId, NULL, NULL, NULL, upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(6)))
                FROM Rounds r INNER JOIN Reviews v ON v.Id = r.ReviewId
                WHERE r.Status = 'Closed';
                """);
            migrationBuilder.Sql("""
                INSERT INTO CommitteeDecisions (ProgressUpdateId, Outcome, Grade, Reason, Version)
                SELECT u.Id, CASE WHEN u.Status = 'Accepted' AND u.Grade = 1 THEN 'SignedOff' ELSE 'ContinueMonitoring' END, NULL, NULL, upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(2))) || '-' || upper(hex(randomblob(6)))
                FROM ProgressUpdates u INNER JOIN Rounds r ON r.Id = u.RoundId
                WHERE r.Status = 'Closed';
                """);

            migrationBuilder.AddCheckConstraint(
                name: "CK_SelectCommittees_Intervals",
                table: "SelectCommittees",
                sql: "FirstUpdateMonths IN (3, 6, 12) AND FollowUpMonths IN (3, 6, 12)");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Reviews_Intervals",
                table: "Reviews",
                sql: "(FirstUpdateMonths IS NULL OR FirstUpdateMonths IN (3, 6, 12)) AND (FollowUpMonths IS NULL OR FollowUpMonths IN (3, 6, 12))");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeConsiderations_RecordedById",
                table: "CommitteeConsiderations",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeConsiderations_SelectCommitteeId",
                table: "CommitteeConsiderations",
                column: "SelectCommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeDecisions_Outcome",
                table: "CommitteeDecisions",
                column: "Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveResponses_RecordedById",
                table: "ExecutiveResponses",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitteeConsiderations");

            migrationBuilder.DropTable(
                name: "CommitteeDecisions");

            migrationBuilder.DropTable(
                name: "ExecutiveResponses");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SelectCommittees_Intervals",
                table: "SelectCommittees");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Reviews_Intervals",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "FirstUpdateMonths",
                table: "SelectCommittees");

            migrationBuilder.DropColumn(
                name: "FollowUpMonths",
                table: "SelectCommittees");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SelectCommittees");

            migrationBuilder.DropColumn(
                name: "FirstUpdateMonths",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "FollowUpMonths",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "MonitoringClosedOn",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "MonitoringClosedReason",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ReportToExecutive",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "MonitoringClosedOn",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "MonitoringClosedReason",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "DelayReason",
                table: "ProgressUpdates");

            migrationBuilder.DropColumn(
                name: "ExpectedBy",
                table: "ProgressUpdates");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "ActionPlanAgreed",
                table: "Reviews",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
