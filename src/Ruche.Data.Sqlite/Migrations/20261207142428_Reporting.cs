using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reporting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportingAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportingDesks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingDesks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportingCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeskId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    IsNamed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SealedIdentity = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SealedConcerned = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackGivenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgeReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnonymisedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingCases_ReportingDesks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "ReportingDesks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportingMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingMessages_ReportingCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReportingCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ReportingDesks",
                column: "Id",
                value: 1L);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingAccessLog_CaseId_Id",
                table: "ReportingAccessLog",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_AnonymisedAt_ClosedAt",
                table: "ReportingCases",
                columns: new[] { "AnonymisedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_Code",
                table: "ReportingCases",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_DeskId",
                table: "ReportingCases",
                column: "DeskId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_Status_AcknowledgeBy",
                table: "ReportingCases",
                columns: new[] { "Status", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_Status_FeedbackBy",
                table: "ReportingCases",
                columns: new[] { "Status", "FeedbackBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingMessages_CaseId_Id",
                table: "ReportingMessages",
                columns: new[] { "CaseId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportingAccessLog");

            migrationBuilder.DropTable(
                name: "ReportingMessages");

            migrationBuilder.DropTable(
                name: "ReportingCases");

            migrationBuilder.DropTable(
                name: "ReportingDesks");
        }
    }
}
