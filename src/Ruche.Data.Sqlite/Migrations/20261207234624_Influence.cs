using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Influence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InfluencePreference",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Recognised = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftGraph = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluencePreference", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_InfluencePreference_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceRun",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WindowTo = table.Column<DateTime>(type: "TEXT", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Interactions = table.Column<long>(type: "INTEGER", nullable: false),
                    Edges = table.Column<int>(type: "INTEGER", nullable: false),
                    Iterations = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceRun", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceGroupFigure",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    ReachedFromOutside = table.Column<int>(type: "INTEGER", nullable: false),
                    InsideWeight = table.Column<double>(type: "REAL", nullable: false),
                    AcrossWeight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceGroupFigure", x => new { x.RunId, x.Dimension, x.GroupKey });
                    table.ForeignKey(
                        name: "FK_InfluenceGroupFigure_InfluenceRun_RunId",
                        column: x => x.RunId,
                        principalTable: "InfluenceRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceGroupLink",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Pairs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceGroupLink", x => new { x.RunId, x.Dimension, x.FromGroup, x.ToGroup });
                    table.ForeignKey(
                        name: "FK_InfluenceGroupLink_InfluenceRun_RunId",
                        column: x => x.RunId,
                        principalTable: "InfluenceRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceScore",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceScore", x => new { x.RunId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_InfluenceScore_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InfluenceScore_InfluenceRun_RunId",
                        column: x => x.RunId,
                        principalTable: "InfluenceRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceVoice",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Strength = table.Column<double>(type: "REAL", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Givers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceVoice", x => new { x.RunId, x.Topic, x.PersonId });
                    table.ForeignKey(
                        name: "FK_InfluenceVoice_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InfluenceVoice_InfluenceRun_RunId",
                        column: x => x.RunId,
                        principalTable: "InfluenceRun",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InfluencePreference_Recognised",
                table: "InfluencePreference",
                column: "Recognised");

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceRun_ComputedAt",
                table: "InfluenceRun",
                column: "ComputedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceScore_PersonId",
                table: "InfluenceScore",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceScore_RunId_Rank",
                table: "InfluenceScore",
                columns: new[] { "RunId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceVoice_PersonId",
                table: "InfluenceVoice",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceVoice_RunId_PersonId",
                table: "InfluenceVoice",
                columns: new[] { "RunId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InfluenceGroupFigure");

            migrationBuilder.DropTable(
                name: "InfluenceGroupLink");

            migrationBuilder.DropTable(
                name: "InfluencePreference");

            migrationBuilder.DropTable(
                name: "InfluenceScore");

            migrationBuilder.DropTable(
                name: "InfluenceVoice");

            migrationBuilder.DropTable(
                name: "InfluenceRun");
        }
    }
}
