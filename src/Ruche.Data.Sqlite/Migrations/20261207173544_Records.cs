using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CseBody",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PresidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    SecretaryId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortDeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UrgentDeadlineDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CseBody", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CseBody_AspNetUsers_PresidentId",
                        column: x => x.PresidentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CseBody_AspNetUsers_SecretaryId",
                        column: x => x.SecretaryId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TextHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AudienceSpaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationRecord_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NegotiationRecord_Spaces_AudienceSpaceId",
                        column: x => x.AudienceSpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CseMeeting",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", nullable: false),
                    MinutesHtml = table.Column<string>(type: "TEXT", nullable: false),
                    MinutesSavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AdoptedAtMeetingId = table.Column<long>(type: "INTEGER", nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "INTEGER", nullable: true),
                    AdoptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CseMeeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CseMeeting_CseBody_CseId",
                        column: x => x.CseId,
                        principalTable: "CseBody",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CseMeeting_CseMeeting_AdoptedAtMeetingId",
                        column: x => x.AdoptedAtMeetingId,
                        principalTable: "CseMeeting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CseMember",
                columns: table => new
                {
                    CseId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CseMember", x => new { x.CseId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_CseMember_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CseMember_CseBody_CseId",
                        column: x => x.CseId,
                        principalTable: "CseBody",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationParty",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    UnionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationParty", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationParty_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NegotiationParty_NegotiationRecord_RecordId",
                        column: x => x.RecordId,
                        principalTable: "NegotiationRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NegotiationParty_Union_UnionId",
                        column: x => x.UnionId,
                        principalTable: "Union",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationStep",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyId = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationStep_NegotiationRecord_RecordId",
                        column: x => x.RecordId,
                        principalTable: "NegotiationRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NegotiationVersion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    PartyId = table.Column<long>(type: "INTEGER", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NegotiationVersion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NegotiationVersion_NegotiationRecord_RecordId",
                        column: x => x.RecordId,
                        principalTable: "NegotiationRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CseComment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    IsEmployerAnswer = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CseComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CseComment_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CseComment_CseMeeting_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CseMeeting",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CseBody_PresidentId",
                table: "CseBody",
                column: "PresidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CseBody_SecretaryId",
                table: "CseBody",
                column: "SecretaryId");

            migrationBuilder.CreateIndex(
                name: "IX_CseComment_AuthorId",
                table: "CseComment",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CseComment_MeetingId_At",
                table: "CseComment",
                columns: new[] { "MeetingId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CseMeeting_AdoptedAtMeetingId",
                table: "CseMeeting",
                column: "AdoptedAtMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CseMeeting_CseId_HeldAt",
                table: "CseMeeting",
                columns: new[] { "CseId", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CseMeeting_Status_DeadlineAt",
                table: "CseMeeting",
                columns: new[] { "Status", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CseMember_PersonId",
                table: "CseMember",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationParty_PersonId",
                table: "NegotiationParty",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationParty_RecordId_PersonId_UnionId",
                table: "NegotiationParty",
                columns: new[] { "RecordId", "PersonId", "UnionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationParty_UnionId",
                table: "NegotiationParty",
                column: "UnionId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationRecord_AudienceSpaceId",
                table: "NegotiationRecord",
                column: "AudienceSpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationRecord_CreatedById",
                table: "NegotiationRecord",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationRecord_Status_CreatedAt",
                table: "NegotiationRecord",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationStep_RecordId_At",
                table: "NegotiationStep",
                columns: new[] { "RecordId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_NegotiationVersion_RecordId_Number",
                table: "NegotiationVersion",
                columns: new[] { "RecordId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CseComment");

            migrationBuilder.DropTable(
                name: "CseMember");

            migrationBuilder.DropTable(
                name: "NegotiationParty");

            migrationBuilder.DropTable(
                name: "NegotiationStep");

            migrationBuilder.DropTable(
                name: "NegotiationVersion");

            migrationBuilder.DropTable(
                name: "CseMeeting");

            migrationBuilder.DropTable(
                name: "NegotiationRecord");

            migrationBuilder.DropTable(
                name: "CseBody");
        }
    }
}
