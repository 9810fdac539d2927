using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SourceId = table.Column<long>(type: "bigint", nullable: false),
                    SpaceId = table.Column<long>(type: "bigint", nullable: true),
                    AuthorId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false)
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

            // The terms are analysed by the application (stemmed, accent-folded), so 'simple' only splits them.
            // The title weighs A, the body B; the GIN index serves @@ matches.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, "Title"), 'A') || setweight(to_tsvector('simple'::regconfig, "Body"), 'B')) STORED;
                CREATE INDEX "IX_SearchDocuments_Vector" ON "SearchDocuments" USING gin ("Vector");
                """);

            // Rows deleted in SQL (ExecuteDelete, foreign-key cascades) never pass through the indexer: their
            // documents go with them here.
            migrationBuilder.Sql("""
                CREATE FUNCTION ruche_unindex_search_source() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "SearchDocuments" WHERE "Kind" = TG_ARGV[0] AND "SourceId" = OLD."Id";
                    RETURN NULL;
                END $$;
                """);
            foreach (var (table, kind) in SearchSourceTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_Unsearchable" AFTER DELETE ON "{table}"
                        FOR EACH ROW EXECUTE FUNCTION ruche_unindex_search_source('{kind}');
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, _) in SearchSourceTables)
            {
                migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_Unsearchable" ON "{table}";""");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS ruche_unindex_search_source();");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
