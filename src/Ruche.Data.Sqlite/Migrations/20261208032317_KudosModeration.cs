using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KudosModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "PostId",
                table: "ModerationDecision",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<DateTime>(
                name: "HiddenAt",
                table: "Kudos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "Kudos",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "PostId",
                table: "ContentReport",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "Kudos");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "Kudos");

            migrationBuilder.AlterColumn<long>(
                name: "PostId",
                table: "ModerationDecision",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "PostId",
                table: "ContentReport",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
