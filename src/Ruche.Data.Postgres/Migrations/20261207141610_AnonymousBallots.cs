using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AnonymousBallots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BallotParticipation",
                columns: table => new
                {
                    BoxKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BoxId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotParticipation", x => new { x.BoxKind, x.BoxId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "CountedReceipt",
                columns: table => new
                {
                    BoxKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BoxId = table.Column<long>(type: "bigint", nullable: false),
                    ReceiptHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountedReceipt", x => new { x.BoxKind, x.BoxId, x.ReceiptHash });
                });

            migrationBuilder.CreateTable(
                name: "SealedBallot",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoxKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BoxId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealedBallot", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BallotParticipation_PersonId",
                table: "BallotParticipation",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SealedBallot_BoxKind_BoxId",
                table: "SealedBallot",
                columns: new[] { "BoxKind", "BoxId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotParticipation");

            migrationBuilder.DropTable(
                name: "CountedReceipt");

            migrationBuilder.DropTable(
                name: "SealedBallot");
        }
    }
}
