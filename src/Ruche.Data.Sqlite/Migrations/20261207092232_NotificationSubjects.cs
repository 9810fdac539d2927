using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationSubjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SubjectId",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "Notifications",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Every row keeps what it was about: a post, an event, a space's moderation, or (no column) the recipient's own goals.
            migrationBuilder.Sql("""
                UPDATE "Notifications" SET
                    "SubjectKind" = CASE WHEN "PostId" IS NOT NULL THEN 'post' WHEN "EventId" IS NOT NULL THEN 'event'
                        WHEN "SpaceId" IS NOT NULL THEN 'space-moderation' ELSE 'own-goals' END,
                    "SubjectId" = COALESCE("PostId", "EventId", "SpaceId", "RecipientId"),
                    "GroupKey" = CASE WHEN "PostId" IS NULL AND "EventId" IS NULL AND "SpaceId" IS NOT NULL
                        THEN REPLACE("GroupKey", ':space:', ':space-moderation:') ELSE "GroupKey" END
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Events_EventId",
                table: "Notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Posts_PostId",
                table: "Notifications");

            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Spaces_SpaceId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_EventId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_PostId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_SpaceId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "EventId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "PostId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SpaceId",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SubjectKind_SubjectId",
                table: "Notifications",
                columns: new[] { "SubjectKind", "SubjectId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EventId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PostId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SpaceId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Notifications" SET
                    "PostId" = CASE WHEN "SubjectKind" = 'post' THEN "SubjectId" END,
                    "EventId" = CASE WHEN "SubjectKind" = 'event' THEN "SubjectId" END,
                    "SpaceId" = CASE WHEN "SubjectKind" = 'space-moderation' THEN "SubjectId" END,
                    "GroupKey" = REPLACE("GroupKey", ':space-moderation:', ':space:')
                """);
            // Rows of kinds the columns cannot hold, or whose subject is gone (the retention sweep had not reached them yet),
            // would break the foreign keys put back below.
            migrationBuilder.Sql("""
                DELETE FROM "Notifications" WHERE "SubjectKind" NOT IN ('post', 'event', 'space-moderation', 'own-goals')
                    OR ("PostId" IS NOT NULL AND "PostId" NOT IN (SELECT "Id" FROM "Posts"))
                    OR ("EventId" IS NOT NULL AND "EventId" NOT IN (SELECT "Id" FROM "Events"))
                    OR ("SpaceId" IS NOT NULL AND "SpaceId" NOT IN (SELECT "Id" FROM "Spaces"))
                """);

            migrationBuilder.DropIndex(
                name: "IX_Notifications_SubjectKind_SubjectId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EventId",
                table: "Notifications",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PostId",
                table: "Notifications",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SpaceId",
                table: "Notifications",
                column: "SpaceId");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Events_EventId",
                table: "Notifications",
                column: "EventId",
                principalTable: "Events",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Posts_PostId",
                table: "Notifications",
                column: "PostId",
                principalTable: "Posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Spaces_SpaceId",
                table: "Notifications",
                column: "SpaceId",
                principalTable: "Spaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
