using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Survey",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Intro = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScoreThreshold = table.Column<int>(type: "integer", nullable: false),
                    CommentThreshold = table.Column<int>(type: "integer", nullable: false),
                    Cut = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetsEveryone = table.Column<bool>(type: "boolean", nullable: false),
                    FirstOpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RoundCount = table.Column<int>(type: "integer", nullable: false),
                    RoundLengthDays = table.Column<int>(type: "integer", nullable: false),
                    IntervalDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestion_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRound",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Counted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRound", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRound_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyTarget",
                columns: table => new
                {
                    SurveyId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TargetId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyTarget", x => new { x.SurveyId, x.Kind, x.TargetId });
                    table.ForeignKey(
                        name: "FK_SurveyTarget_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    Band = table.Column<long>(type: "bigint", nullable: true),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswer_SurveyRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyComment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReplyKeyHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyComment_SurveyRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponse",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<long>(type: "bigint", nullable: false),
                    Band = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponse_SurveyRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SurveyRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCommentReply",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<long>(type: "bigint", nullable: true),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCommentReply", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyCommentReply_SurveyComment_CommentId",
                        column: x => x.CommentId,
                        principalTable: "SurveyComment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Survey_CreatedAt",
                table: "Survey",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswer_RoundId_QuestionId_Band",
                table: "SurveyAnswer",
                columns: new[] { "RoundId", "QuestionId", "Band" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyComment_ReplyKeyHash",
                table: "SurveyComment",
                column: "ReplyKeyHash");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyComment_RoundId_QuestionId",
                table: "SurveyComment",
                columns: new[] { "RoundId", "QuestionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCommentReply_AuthorId",
                table: "SurveyCommentReply",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCommentReply_CommentId_Position",
                table: "SurveyCommentReply",
                columns: new[] { "CommentId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestion_SurveyId_Position",
                table: "SurveyQuestion",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponse_RoundId_Band",
                table: "SurveyResponse",
                columns: new[] { "RoundId", "Band" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRound_OpensAt_ClosesAt",
                table: "SurveyRound",
                columns: new[] { "OpensAt", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRound_SurveyId_Number",
                table: "SurveyRound",
                columns: new[] { "SurveyId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyAnswer");

            migrationBuilder.DropTable(
                name: "SurveyCommentReply");

            migrationBuilder.DropTable(
                name: "SurveyQuestion");

            migrationBuilder.DropTable(
                name: "SurveyResponse");

            migrationBuilder.DropTable(
                name: "SurveyTarget");

            migrationBuilder.DropTable(
                name: "SurveyComment");

            migrationBuilder.DropTable(
                name: "SurveyRound");

            migrationBuilder.DropTable(
                name: "Survey");
        }
    }
}
