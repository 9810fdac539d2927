using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VoiceFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RemindedAt",
                table: "SurveyRound",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ReporterFingerprint",
                table: "ReportingCases",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRound_RemindedAt_ClosesAt",
                table: "SurveyRound",
                columns: new[] { "RemindedAt", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_ReporterFingerprint",
                table: "ReportingCases",
                column: "ReporterFingerprint");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SurveyRound_RemindedAt_ClosesAt",
                table: "SurveyRound");

            migrationBuilder.DropIndex(
                name: "IX_ReportingCases_ReporterFingerprint",
                table: "ReportingCases");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "SurveyRound");

            migrationBuilder.DropColumn(
                name: "ReporterFingerprint",
                table: "ReportingCases");
        }
    }
}
