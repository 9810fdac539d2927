using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ruche.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Goals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Sites",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GoalsTag",
                table: "CompanySettings",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "3goalsaday");

            migrationBuilder.CreateTable(
                name: "CompanyHolidays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyHolidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GoalLists",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PostId = table.Column<long>(type: "bigint", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalLists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalLists_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalLists_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalReminders",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    LocalDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalReminders", x => new { x.PersonId, x.LocalDate });
                    table.ForeignKey(
                        name: "FK_GoalReminders_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeavePeriods",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeavePeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeavePeriods_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamGoalSettings",
                columns: table => new
                {
                    SpaceId = table.Column<long>(type: "bigint", nullable: false),
                    ReminderMinute = table.Column<int>(type: "integer", nullable: false),
                    WeeklyRecap = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamGoalSettings", x => x.SpaceId);
                    table.ForeignKey(
                        name: "FK_TeamGoalSettings_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyRecapClaims",
                columns: table => new
                {
                    SpaceId = table.Column<long>(type: "bigint", nullable: false),
                    WeekStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PostId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyRecapClaims", x => new { x.SpaceId, x.WeekStart });
                    table.ForeignKey(
                        name: "FK_WeeklyRecapClaims_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WeeklyRecapClaims_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkSchedules",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    StartMinute = table.Column<int>(type: "integer", nullable: false),
                    EndMinute = table.Column<int>(type: "integer", nullable: false),
                    GoalsSpaceId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkSchedules", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_WorkSchedules_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkSchedules_Spaces_GoalsSpaceId",
                        column: x => x.GoalsSpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ListId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LinkUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LinkPostId = table.Column<long>(type: "bigint", nullable: true),
                    LinkPersonId = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CarriedFromGoalId = table.Column<long>(type: "bigint", nullable: true),
                    FromSuggestionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_AspNetUsers_LinkPersonId",
                        column: x => x.LinkPersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Goals_GoalLists_ListId",
                        column: x => x.ListId,
                        principalTable: "GoalLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Goals_Goals_CarriedFromGoalId",
                        column: x => x.CarriedFromGoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Goals_Posts_LinkPostId",
                        column: x => x.LinkPostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GoalSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GoalId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalSuggestions_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalSuggestions_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyHolidays_CountryCode_Date",
                table: "CompanyHolidays",
                columns: new[] { "CountryCode", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalLists_LocalDate_PersonId",
                table: "GoalLists",
                columns: new[] { "LocalDate", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_GoalLists_PersonId_LocalDate",
                table: "GoalLists",
                columns: new[] { "PersonId", "LocalDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalLists_PostId",
                table: "GoalLists",
                column: "PostId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Goals_CarriedFromGoalId",
                table: "Goals",
                column: "CarriedFromGoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_LinkPersonId",
                table: "Goals",
                column: "LinkPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_LinkPostId",
                table: "Goals",
                column: "LinkPostId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_ListId_Position",
                table: "Goals",
                columns: new[] { "ListId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_GoalSuggestions_AuthorId",
                table: "GoalSuggestions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalSuggestions_GoalId",
                table: "GoalSuggestions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_LeavePeriods_PersonId_To",
                table: "LeavePeriods",
                columns: new[] { "PersonId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyRecapClaims_PostId",
                table: "WeeklyRecapClaims",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkSchedules_GoalsSpaceId",
                table: "WorkSchedules",
                column: "GoalsSpaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyHolidays");

            migrationBuilder.DropTable(
                name: "GoalReminders");

            migrationBuilder.DropTable(
                name: "GoalSuggestions");

            migrationBuilder.DropTable(
                name: "LeavePeriods");

            migrationBuilder.DropTable(
                name: "TeamGoalSettings");

            migrationBuilder.DropTable(
                name: "WeeklyRecapClaims");

            migrationBuilder.DropTable(
                name: "WorkSchedules");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "GoalLists");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "GoalsTag",
                table: "CompanySettings");
        }
    }
}
