using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ruche.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Bdese : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BdeseItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConfidentialReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConfidentialUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VersionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BdeseItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DescriptionHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    VoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Ideas_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Ideas_Spaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "Spaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Irritants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SiteId = table.Column<long>(type: "INTEGER", nullable: true),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReporterId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MeTooCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Irritants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Irritants_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Irritants_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Irritants_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Irritants_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Poll",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<long>(type: "INTEGER", nullable: false),
                    MultipleChoice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Results = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CountedBallots = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Poll", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Poll_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportingAccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingAccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportingDesks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingDesks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Survey",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ScoreThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    Cut = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetsEveryone = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstOpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RoundCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundLengthDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IntervalDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey", x => x.Id);
                });

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
                name: "BdeseReadLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ReaderId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Way = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BdeseReadLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BdeseReadLog_BdeseItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "BdeseItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BdeseVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TableJson = table.Column<string>(type: "TEXT", nullable: true),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: true),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ConfidentialReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConfidentialUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SavedById = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BdeseVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BdeseVersions_BdeseItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "BdeseItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdeaComments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdeaId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaComments_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaComments_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaFollows",
                columns: table => new
                {
                    IdeaId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaFollows", x => new { x.IdeaId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_IdeaFollows_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaFollows_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdeaId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaStatusChanges_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IdeaStatusChanges_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IdeaStatusChanges_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaTags",
                columns: table => new
                {
                    IdeaId = table.Column<long>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaTags", x => new { x.IdeaId, x.Tag });
                    table.ForeignKey(
                        name: "FK_IdeaTags_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaVotes",
                columns: table => new
                {
                    IdeaId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaVotes", x => new { x.IdeaId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_IdeaVotes_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaVotes_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IrritantMeToos",
                columns: table => new
                {
                    IrritantId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IrritantMeToos", x => new { x.IrritantId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_IrritantMeToos_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IrritantMeToos_Irritants_IrritantId",
                        column: x => x.IrritantId,
                        principalTable: "Irritants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PollOption",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Tally = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollOption", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollOption_Poll_PollId",
                        column: x => x.PollId,
                        principalTable: "Poll",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportingCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeskId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    SecretSalt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    SecretHash = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    IsNamed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SealedIdentity = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SealedConcerned = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackGivenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgeReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnonymisedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingCases_ReportingDesks_DeskId",
                        column: x => x.DeskId,
                        principalTable: "ReportingDesks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestion",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Options = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Counted = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    SurveyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "PollVote",
                columns: table => new
                {
                    PollId = table.Column<long>(type: "INTEGER", nullable: false),
                    OptionId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollVote", x => new { x.PollId, x.PersonId, x.OptionId });
                    table.ForeignKey(
                        name: "FK_PollVote_AspNetUsers_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PollVote_PollOption_OptionId",
                        column: x => x.OptionId,
                        principalTable: "PollOption",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_PollVote_Poll_PollId",
                        column: x => x.PollId,
                        principalTable: "Poll",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportingMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SealedText = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportingMessages_ReportingCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ReportingCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Band = table.Column<long>(type: "INTEGER", nullable: true),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReplyKeyHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<long>(type: "INTEGER", nullable: false),
                    Band = table.Column<long>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "SurveyCommentReply",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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

            migrationBuilder.InsertData(
                table: "ReportingDesks",
                column: "Id",
                value: 1L);

            migrationBuilder.CreateIndex(
                name: "IX_BdeseItems_Theme_Year",
                table: "BdeseItems",
                columns: new[] { "Theme", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_BdeseItems_Year",
                table: "BdeseItems",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_BdeseReadLog_ItemId_Id",
                table: "BdeseReadLog",
                columns: new[] { "ItemId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BdeseReadLog_ReaderId",
                table: "BdeseReadLog",
                column: "ReaderId");

            migrationBuilder.CreateIndex(
                name: "IX_BdeseVersions_ItemId_Number",
                table: "BdeseVersions",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BroadcastChoice_UnionId_Accepts",
                table: "BroadcastChoice",
                columns: new[] { "UnionId", "Accepts" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_AuthorId",
                table: "IdeaComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_IdeaId_Id",
                table: "IdeaComments",
                columns: new[] { "IdeaId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaFollows_PersonId",
                table: "IdeaFollows",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_AuthorId_Id",
                table: "Ideas",
                columns: new[] { "AuthorId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_OwnerId",
                table: "Ideas",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_SpaceId_Id",
                table: "Ideas",
                columns: new[] { "SpaceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Status_Id",
                table: "Ideas",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_Status_VoteCount_Id",
                table: "Ideas",
                columns: new[] { "Status", "VoteCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_VoteCount_Id",
                table: "Ideas",
                columns: new[] { "VoteCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaStatusChanges_DecidedById",
                table: "IdeaStatusChanges",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaStatusChanges_IdeaId_Id",
                table: "IdeaStatusChanges",
                columns: new[] { "IdeaId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaStatusChanges_OwnerId",
                table: "IdeaStatusChanges",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaTags_Tag_IdeaId",
                table: "IdeaTags",
                columns: new[] { "Tag", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_IdeaId_CreatedAt",
                table: "IdeaVotes",
                columns: new[] { "IdeaId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaVotes_PersonId",
                table: "IdeaVotes",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IrritantMeToos_PersonId",
                table: "IrritantMeToos",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_Category_ReportedOn",
                table: "Irritants",
                columns: new[] { "Category", "ReportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_DepartmentId",
                table: "Irritants",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_OwnerId",
                table: "Irritants",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_ReportedOn_Id",
                table: "Irritants",
                columns: new[] { "ReportedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_ReporterId",
                table: "Irritants",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_RespondedAt_DueOn",
                table: "Irritants",
                columns: new[] { "RespondedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_SiteId",
                table: "Irritants",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Irritants_Status_ReportedOn_Id",
                table: "Irritants",
                columns: new[] { "Status", "ReportedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Poll_ClosedAt_ClosesAt",
                table: "Poll",
                columns: new[] { "ClosedAt", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Poll_PostId",
                table: "Poll",
                column: "PostId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollOption_PollId_Position",
                table: "PollOption",
                columns: new[] { "PollId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PollVote_OptionId",
                table: "PollVote",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_PollVote_PersonId",
                table: "PollVote",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingAccessLog_CaseId_Id",
                table: "ReportingAccessLog",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_AnonymisedAt_ClosedAt",
                table: "ReportingCases",
                columns: new[] { "AnonymisedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_Code",
                table: "ReportingCases",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_DeskId",
                table: "ReportingCases",
                column: "DeskId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_Status_AcknowledgeBy",
                table: "ReportingCases",
                columns: new[] { "Status", "AcknowledgeBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCases_Status_FeedbackBy",
                table: "ReportingCases",
                columns: new[] { "Status", "FeedbackBy" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportingMessages_CaseId_Id",
                table: "ReportingMessages",
                columns: new[] { "CaseId", "Id" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BdeseReadLog");

            migrationBuilder.DropTable(
                name: "BdeseVersions");

            migrationBuilder.DropTable(
                name: "BroadcastChoice");

            migrationBuilder.DropTable(
                name: "IdeaComments");

            migrationBuilder.DropTable(
                name: "IdeaFollows");

            migrationBuilder.DropTable(
                name: "IdeaStatusChanges");

            migrationBuilder.DropTable(
                name: "IdeaTags");

            migrationBuilder.DropTable(
                name: "IdeaVotes");

            migrationBuilder.DropTable(
                name: "IrritantMeToos");

            migrationBuilder.DropTable(
                name: "PollVote");

            migrationBuilder.DropTable(
                name: "ReportingAccessLog");

            migrationBuilder.DropTable(
                name: "ReportingMessages");

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
                name: "BdeseItems");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "Irritants");

            migrationBuilder.DropTable(
                name: "PollOption");

            migrationBuilder.DropTable(
                name: "ReportingCases");

            migrationBuilder.DropTable(
                name: "SurveyComment");

            migrationBuilder.DropTable(
                name: "UnionQuestion");

            migrationBuilder.DropTable(
                name: "Poll");

            migrationBuilder.DropTable(
                name: "ReportingDesks");

            migrationBuilder.DropTable(
                name: "SurveyRound");

            migrationBuilder.DropTable(
                name: "Union");

            migrationBuilder.DropTable(
                name: "Survey");
        }
    }
}
