using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScimExternalId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ScimCreatedAt",
                table: "Departments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScimExternalId",
                table: "Departments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScimModifiedAt",
                table: "Departments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScimDeletedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScimExternalId",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScimModifiedAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Departments_ScimExternalId",
                table: "Departments",
                column: "ScimExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ScimExternalId",
                table: "AspNetUsers",
                column: "ScimExternalId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Departments_ScimExternalId",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ScimExternalId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ScimCreatedAt",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "ScimExternalId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "ScimModifiedAt",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "ScimDeletedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ScimExternalId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ScimModifiedAt",
                table: "AspNetUsers");
        }
    }
}
