using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class GoalsPrivacyAndFeedTimeOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The weekly recaps posted so far scored each person ("Julien Roux : 7/13 faits") under a colleague's
            // name: an activity score the product must not show (ADR 12). They go, with their comments and reactions;
            // their weeks stay claimed, so they are not posted again.
            migrationBuilder.Sql("""DELETE FROM "Posts" WHERE "Id" IN (SELECT "PostId" FROM "WeeklyRecapClaims" WHERE "PostId" IS NOT NULL);""");

            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_Id",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_CreatedAt",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_SpaceId_Id",
                table: "Posts");

            migrationBuilder.AlterColumn<long>(
                name: "AuthorId",
                table: "Posts",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Posts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Person");

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ThroughEntryId = table.Column<long>(type: "bigint", nullable: false),
                    ChainHead = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeptDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeptCount = table.Column<int>(type: "integer", nullable: false),
                    PrunedCount = table.Column<int>(type: "integer", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GoalHistorySharings",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalHistorySharings", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_GoalHistorySharings_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_CreatedAt_Id",
                table: "Posts",
                columns: new[] { "AuthorId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_CreatedAt_Id",
                table: "Posts",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_SpaceId_CreatedAt_Id",
                table: "Posts",
                columns: new[] { "SpaceId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditCheckpoints_ThroughEntryId",
                table: "AuditCheckpoints",
                column: "ThroughEntryId",
                unique: true);

            // Still append-only, with one exception the database checks itself: a sign-in entry that a checkpoint
            // seals may go once its retention is over (ADR 12). Checkpoints are append-only too.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND OLD."Action" IN ('auth.sign-in', 'auth.sign-in-failed', 'auth.locked-out')
                        AND EXISTS (SELECT 1 FROM "AuditCheckpoints" c WHERE c."ThroughEntryId" >= OLD."Id") THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON "AuditCheckpoints"
                    FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS audit_checkpoints_no_change ON "AuditCheckpoints";
                DROP FUNCTION IF EXISTS audit_checkpoints_append_only();
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only';
                END $$;
                """);

            // Posts Ruche wrote have no author to give back.
            migrationBuilder.Sql("""DELETE FROM "Posts" WHERE "AuthorId" IS NULL;""");
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "GoalHistorySharings");

            migrationBuilder.DropIndex(
                name: "IX_Posts_AuthorId_CreatedAt_Id",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_CreatedAt_Id",
                table: "Posts");

            migrationBuilder.DropIndex(
                name: "IX_Posts_SpaceId_CreatedAt_Id",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Posts");

            migrationBuilder.AlterColumn<long>(
                name: "AuthorId",
                table: "Posts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_AuthorId_Id",
                table: "Posts",
                columns: new[] { "AuthorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_CreatedAt",
                table: "Posts",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_SpaceId_Id",
                table: "Posts",
                columns: new[] { "SpaceId", "Id" });
        }
    }
}
