using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RestorePostsSearchTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite rebuilt Posts at the end of GoalsPrivacyAndFeedTimeOrder (AuthorId became nullable), dropping the
            // trigger that removes a deleted post's search document; it has to come after that rebuild, so here.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Posts_Unsearchable";
                CREATE TRIGGER "Posts_Unsearchable" AFTER DELETE ON "Posts" BEGIN
                    DELETE FROM "SearchDocuments" WHERE "Kind" = 'post' AND "SourceId" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The trigger belongs to AddSearch; nothing of this migration's own to undo.
        }
    }
}
