using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Dialogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Union",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LogoFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SpaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BroadcastSequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Union", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Union_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnionAgreement",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AllowsBroadcasts = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowsPolls = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowsDocuments = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowsQuestions = table.Column<bool>(type: "INTEGER", nullable: false),
                    BroadcastsPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    BroadcastsPushedByDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionAgreement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BroadcastChoice",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepts = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BroadcastChoice", x => new { x.PersonId, x.UnionId });
                    table.ForeignKey(
                        name: "FK_BroadcastChoice_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BroadcastChoice_Union_UnionId",
                        column: x => x.UnionId,
                        principalTable: "Union",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnionBroadcast",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionBroadcast", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnionBroadcast_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UnionBroadcast_Union_UnionId",
                        column: x => x.UnionId,
                        principalTable: "Union",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnionMandate",
                columns: table => new
                {
                    UnionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionMandate", x => new { x.UnionId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_UnionMandate_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnionMandate_Union_UnionId",
                        column: x => x.UnionId,
                        principalTable: "Union",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnionQuestion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AskerId = table.Column<long>(type: "INTEGER", nullable: false),
                    SealedBody = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastMessageAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnionQuestion_AspNetUsers_AskerId",
                        column: x => x.AskerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnionQuestion_Union_UnionId",
                        column: x => x.UnionId,
                        principalTable: "Union",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnionTakedown",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PostId = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedById = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Contest = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ContestedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionTakedown", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnionTakedown_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UnionTakedown_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UnionTakedown_Union_UnionId",
                        column: x => x.UnionId,
                        principalTable: "Union",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnionQuestionReply",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    SealedBody = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionQuestionReply", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnionQuestionReply_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_UnionQuestionReply_UnionQuestion_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "UnionQuestion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastChoice_UnionId_Accepts",
                table: "BroadcastChoice",
                columns: new[] { "UnionId", "Accepts" });

            migrationBuilder.CreateIndex(
                name: "IX_Union_Name",
                table: "Union",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Union_SpaceId",
                table: "Union",
                column: "SpaceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnionAgreement_RecordedAt",
                table: "UnionAgreement",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_UnionBroadcast_AuthorId",
                table: "UnionBroadcast",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_UnionBroadcast_UnionId_SentAt",
                table: "UnionBroadcast",
                columns: new[] { "UnionId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnionMandate_PersonId",
                table: "UnionMandate",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UnionQuestion_AskerId_LastMessageAt",
                table: "UnionQuestion",
                columns: new[] { "AskerId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnionQuestion_UnionId_LastMessageAt",
                table: "UnionQuestion",
                columns: new[] { "UnionId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnionQuestionReply_AuthorId",
                table: "UnionQuestionReply",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_UnionQuestionReply_QuestionId_At",
                table: "UnionQuestionReply",
                columns: new[] { "QuestionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_UnionTakedown_DecidedById",
                table: "UnionTakedown",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_UnionTakedown_PostId",
                table: "UnionTakedown",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_UnionTakedown_UnionId_DecidedAt",
                table: "UnionTakedown",
                columns: new[] { "UnionId", "DecidedAt" });

            // Union and staff-representation spaces created before this change were owned by the administrator who created
            // them: an administrator never runs one, so they stay as plain members until delegates are recorded.
            migrationBuilder.Sql("""
                UPDATE "SpaceMemberships" SET "Role" = 'Member'
                WHERE "Role" IN ('Owner', 'Moderator')
                  AND "SpaceId" IN (SELECT "Id" FROM "Spaces" WHERE "Kind" IN ('Union', 'StaffRepresentation'))
                  AND "PersonId" IN (SELECT ur."UserId" FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE r."Name" = 'administrator');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BroadcastChoice");

            migrationBuilder.DropTable(
                name: "UnionAgreement");

            migrationBuilder.DropTable(
                name: "UnionBroadcast");

            migrationBuilder.DropTable(
                name: "UnionMandate");

            migrationBuilder.DropTable(
                name: "UnionQuestionReply");

            migrationBuilder.DropTable(
                name: "UnionTakedown");

            migrationBuilder.DropTable(
                name: "UnionQuestion");

            migrationBuilder.DropTable(
                name: "Union");
        }
    }
}
