using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSearch : Migration
    {
        private static readonly (string Table, string Kind)[] SearchSourceTables =
            [("Posts", "post"), ("Comments", "comment"), ("Spaces", "space"), ("AspNetUsers", "person")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: false),
                    SpaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Kind_SourceId",
                table: "SearchDocuments",
                columns: new[] { "Kind", "SourceId" },
                unique: true);

            // The full-text index over the analysed terms, kept in step with SearchDocuments by triggers
            // (FTS5's external-content pattern), so the application only ever writes SearchDocuments.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchText" USING fts5(
                    Title, Body, content='SearchDocuments', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Indexed" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchText"(rowid, Title, Body) VALUES (new."Id", new."Title", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Unindexed" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchText"("SearchText", rowid, Title, Body) VALUES ('delete', old."Id", old."Title", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Reindexed" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchText"("SearchText", rowid, Title, Body) VALUES ('delete', old."Id", old."Title", old."Body");
                    INSERT INTO "SearchText"(rowid, Title, Body) VALUES (new."Id", new."Title", new."Body");
                END;
                """);

            // Rows deleted in SQL (ExecuteDelete, foreign-key cascades) never pass through the indexer: their
            // documents go with them here.
            foreach (var (table, kind) in SearchSourceTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Unsearchable" AFTER DELETE ON "{table}" BEGIN
                        DELETE FROM "SearchDocuments" WHERE "Kind" = '{kind}' AND "SourceId" = old."Id";
                    END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in SearchSourceTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_Unsearchable";""");
            }

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_Reindexed";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_Unindexed";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "SearchDocuments_Indexed";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchText";""");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
