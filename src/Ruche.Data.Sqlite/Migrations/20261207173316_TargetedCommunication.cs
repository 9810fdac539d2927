using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TargetedCommunication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Choices become per channel; every existing choice was about broadcasts and stays so (Channel 0, the column's default).
            migrationBuilder.DropPrimaryKey(
                name: "PK_BroadcastChoice",
                table: "BroadcastChoice");

            migrationBuilder.DropIndex(
                name: "IX_BroadcastChoice_UnionId_Accepts",
                table: "BroadcastChoice");

            migrationBuilder.AddColumn<long>(
                name: "AudienceDepartmentId",
                table: "UnionBroadcast",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AudienceJobCategory",
                table: "UnionBroadcast",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AudienceSiteId",
                table: "UnionBroadcast",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AudienceTopic",
                table: "UnionBroadcast",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "BroadcastChoice",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "JobCategory",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_BroadcastChoice",
                table: "BroadcastChoice",
                columns: new[] { "PersonId", "UnionId", "Channel" });

            migrationBuilder.CreateTable(
                name: "CompanyMessage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    AudienceSiteId = table.Column<long>(type: "INTEGER", nullable: true),
                    AudienceDepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    AudienceJobCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    AudienceTopic = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Reads = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyMessage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyMessage_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MessageOptOut",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageOptOut", x => new { x.PersonId, x.Category });
                    table.ForeignKey(
                        name: "FK_MessageOptOut_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageDelivery",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    IsRead = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageDelivery", x => new { x.MessageId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_MessageDelivery_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MessageDelivery_CompanyMessage_MessageId",
                        column: x => x.MessageId,
                        principalTable: "CompanyMessage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastChoice_UnionId_Channel_Accepts",
                table: "BroadcastChoice",
                columns: new[] { "UnionId", "Channel", "Accepts" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyMessage_AuthorId_SentAt",
                table: "CompanyMessage",
                columns: new[] { "AuthorId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageDelivery_PersonId",
                table: "MessageDelivery",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageOptOut_Category",
                table: "MessageOptOut",
                column: "Category");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one choice per union: only the broadcast choices can be kept.
            migrationBuilder.Sql("DELETE FROM \"BroadcastChoice\" WHERE \"Channel\" <> 0;");

            migrationBuilder.DropTable(
                name: "MessageDelivery");

            migrationBuilder.DropTable(
                name: "MessageOptOut");

            migrationBuilder.DropTable(
                name: "CompanyMessage");

            migrationBuilder.DropPrimaryKey(
                name: "PK_BroadcastChoice",
                table: "BroadcastChoice");

            migrationBuilder.DropIndex(
                name: "IX_BroadcastChoice_UnionId_Channel_Accepts",
                table: "BroadcastChoice");

            migrationBuilder.DropColumn(
                name: "AudienceDepartmentId",
                table: "UnionBroadcast");

            migrationBuilder.DropColumn(
                name: "AudienceJobCategory",
                table: "UnionBroadcast");

            migrationBuilder.DropColumn(
                name: "AudienceSiteId",
                table: "UnionBroadcast");

            migrationBuilder.DropColumn(
                name: "AudienceTopic",
                table: "UnionBroadcast");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "BroadcastChoice");

            migrationBuilder.DropColumn(
                name: "JobCategory",
                table: "AspNetUsers");

            migrationBuilder.AddPrimaryKey(
                name: "PK_BroadcastChoice",
                table: "BroadcastChoice",
                columns: new[] { "PersonId", "UnionId" });

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastChoice_UnionId_Accepts",
                table: "BroadcastChoice",
                columns: new[] { "UnionId", "Accepts" });
        }
    }
}
