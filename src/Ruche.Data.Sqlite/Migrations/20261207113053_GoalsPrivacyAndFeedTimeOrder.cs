using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GoalsPrivacyAndFeedTimeOrder : Migration
    {
        /// <inheritdoc />
        private const string SignInActions = "'auth.sign-in', 'auth.sign-in-failed', 'auth.locked-out'";

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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "Posts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Person");

            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ThroughEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeptDigest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeptCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PrunedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GoalHistorySharings",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Changing AuthorId rebuilds the Posts table at the end of this migration, which drops the trigger keeping
            // search in step with it: the next migration (RestorePostsSearchTrigger) puts it back.

            // Still append-only, with one exception the database checks itself: a sign-in entry that a checkpoint
            // seals may go once its retention is over (ADR 12). Checkpoints are append-only too.
            migrationBuilder.Sql("DROP TRIGGER AuditEntries_NoDelete;");
            migrationBuilder.Sql($"""
                CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries
                WHEN NOT (old.Action IN ({SignInActions}) AND EXISTS (SELECT 1 FROM AuditCheckpoints WHERE ThroughEntryId >= old.Id))
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("CREATE TRIGGER AuditCheckpoints_NoUpdate BEFORE UPDATE ON AuditCheckpoints BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditCheckpoints_NoDelete BEFORE DELETE ON AuditCheckpoints BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditCheckpoints_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditCheckpoints_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEntries_NoDelete;");
            migrationBuilder.Sql("CREATE TRIGGER AuditEntries_NoDelete BEFORE DELETE ON AuditEntries BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");

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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
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

            // The rebuild of Posts drops its search trigger again; RestorePostsSearchTrigger's Up puts it back.
        }
    }
}
