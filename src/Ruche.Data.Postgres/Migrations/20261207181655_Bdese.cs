using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Bdese : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BdeseItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Theme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConfidentialReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConfidentialUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    VersionCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BdeseItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BdeseReadLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    ReaderId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Way = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BdeseReadLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BdeseReadLog_BdeseItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "BdeseItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BdeseVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TableJson = table.Column<string>(type: "text", nullable: true),
                    Document = table.Column<byte[]>(type: "bytea", nullable: true),
                    DocumentName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ConfidentialReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ConfidentialUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SavedById = table.Column<long>(type: "bigint", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BdeseVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BdeseVersions_BdeseItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "BdeseItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BdeseItems_Theme_Year",
                table: "BdeseItems",
                columns: new[] { "Theme", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_BdeseItems_Year",
                table: "BdeseItems",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_BdeseReadLog_ItemId_Id",
                table: "BdeseReadLog",
                columns: new[] { "ItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BdeseReadLog_ReaderId",
                table: "BdeseReadLog",
                column: "ReaderId");

            migrationBuilder.CreateIndex(
                name: "IX_BdeseVersions_ItemId_Number",
                table: "BdeseVersions",
                columns: new[] { "ItemId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BdeseReadLog");

            migrationBuilder.DropTable(
                name: "BdeseVersions");

            migrationBuilder.DropTable(
                name: "BdeseItems");
        }
    }
}
