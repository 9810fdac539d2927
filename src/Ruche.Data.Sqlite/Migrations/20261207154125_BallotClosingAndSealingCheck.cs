using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BallotClosingAndSealingCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedBallotBox",
                columns: table => new
                {
                    BoxKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BoxId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedBallotBox", x => new { x.BoxKind, x.BoxId });
                });

            migrationBuilder.CreateTable(
                name: "SealingCheck",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealingCheck", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClosedBallotBox");

            migrationBuilder.DropTable(
                name: "SealingCheck");
        }
    }
}
