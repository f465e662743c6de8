using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Luoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ActorPersonId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TargetPersonId = table.Column<int>(type: "integer", nullable: true),
                    Target = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Acted = table.Column<bool>(type: "boolean", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SectionLightCounts",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Light = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SectionLightCounts", x => new { x.UnitId, x.SectionId, x.Light });
                });

            migrationBuilder.CreateTable(
                name: "SignOnNonces",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignOnNonces", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LocalPasswordsOff = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletionWeight = table.Column<int>(type: "integer", nullable: false),
                    TimelinessWeight = table.Column<int>(type: "integer", nullable: false),
                    QualityWeight = table.Column<int>(type: "integer", nullable: false),
                    ExtendedFactor = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    UrgePoints = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    SupervisePoints = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    OverduePointsPerDay = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    OverdueCapPerTask = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    RefusedCompletionPoints = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    LeadShare = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    ScoreFloor = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    MaxAdjustment = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Grades = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefaultGrade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IsLocked = table.Column<bool>(type: "boolean", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedById = table.Column<int>(type: "integer", nullable: true),
                    LockedResult = table.Column<string>(type: "text", nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                    table.UniqueConstraint("AK_AssessmentSchemes_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_AssessmentSchemes_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => new { x.UnitId, x.Date });
                    table.ForeignKey(
                        name: "FK_CalendarDays_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalendarReschedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Edits = table.Column<int>(type: "integer", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarReschedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarReschedules_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectorySettings",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ServerUrl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BindDn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProtectedBindPassword = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BaseDn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UserFilter = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UidAttribute = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NameAttribute = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EmailAttribute = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PhoneAttribute = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PositionAttribute = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GroupAttribute = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SectionRules = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SyncIntervalHours = table.Column<int>(type: "integer", nullable: false),
                    RunningSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorySettings", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_DirectorySettings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectorySyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByPersonId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Found = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Moved = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Deactivated = table.Column<int>(type: "integer", nullable: false),
                    Reactivated = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Lines = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    DeactivatedPersonIds = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorySyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectorySyncRuns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscalationRunLogs",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    LastRunOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LastRunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationRunLogs", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_EscalationRunLogs_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessengerSettings",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    BaseUrl = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CorpId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AppKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProtectedSecret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AgentId = table.Column<long>(type: "bigint", nullable: false),
                    SectionRules = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SyncIntervalHours = table.Column<int>(type: "integer", nullable: false),
                    SignOn = table.Column<bool>(type: "boolean", nullable: false),
                    WorkNotices = table.Column<bool>(type: "boolean", nullable: false),
                    RunningSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessengerSettings", x => new { x.UnitId, x.Kind });
                    table.ForeignKey(
                        name: "FK_MessengerSettings_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeRequirements",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeRequirements", x => new { x.UnitId, x.Kind });
                    table.ForeignKey(
                        name: "FK_NoticeRequirements_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    LedgerKind = table.Column<int>(type: "integer", nullable: true),
                    Cadence = table.Column<int>(type: "integer", nullable: false),
                    ReportDueOffsetDays = table.Column<int>(type: "integer", nullable: false),
                    ReportGraceDays = table.Column<int>(type: "integer", nullable: false),
                    RemindDaysBefore = table.Column<int>(type: "integer", nullable: false),
                    SuperviseAfterDays = table.Column<int>(type: "integer", nullable: false),
                    SignWithinDays = table.Column<int>(type: "integer", nullable: false),
                    ReturnWithinDays = table.Column<int>(type: "integer", nullable: false),
                    SupervisedFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.UniqueConstraint("AK_Plans_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Plans_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: true),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByPersonId = table.Column<int>(type: "integer", nullable: true),
                    Full = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordCheckpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordCheckpoints_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordChecks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    QueuedById = table.Column<int>(type: "integer", nullable: true),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeartbeatAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    BrokenCount = table.Column<int>(type: "integer", nullable: false),
                    FirstSeq = table.Column<long>(type: "bigint", nullable: true),
                    FirstEntryId = table.Column<long>(type: "bigint", nullable: true),
                    FirstKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FirstEntityKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FirstWhat = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordChecks_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<int>(type: "integer", nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hashing = table.Column<int>(type: "integer", nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordEntries_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordHeads",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordHeads", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_RecordHeads_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordSeals",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Signature = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordSeals", x => new { x.UnitId, x.Seq });
                    table.ForeignKey(
                        name: "FK_RecordSeals_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecordStarts",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FirstId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordStarts", x => new { x.UnitId, x.Kind });
                    table.ForeignKey(
                        name: "FK_RecordStarts_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RobotWebhooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Url = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: false),
                    UrlKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Secret = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RobotWebhooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RobotWebhooks_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Scoreboards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    BenchmarkCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Importing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scoreboards", x => x.Id);
                    table.UniqueConstraint("AK_Scoreboards_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Scoreboards_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sections", x => x.Id);
                    table.UniqueConstraint("AK_Sections_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Sections_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SourceDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceDocuments", x => x.Id);
                    table.UniqueConstraint("AK_SourceDocuments_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_SourceDocuments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitSigningKeys",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    PrivateKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitSigningKeys", x => x.UnitId);
                    table.ForeignKey(
                        name: "FK_UnitSigningKeys_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StoredAssessments",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    InputVersion = table.Column<long>(type: "bigint", nullable: false),
                    ComputedVersion = table.Column<long>(type: "bigint", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ComputeMilliseconds = table.Column<int>(type: "integer", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredAssessments", x => new { x.UnitId, x.SchemeId });
                    table.ForeignKey(
                        name: "FK_StoredAssessments_AssessmentSchemes_UnitId_SchemeId",
                        columns: x => new { x.UnitId, x.SchemeId },
                        principalTable: "AssessmentSchemes",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkPlanId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.UniqueConstraint("AK_Campaigns_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Campaigns_Plans_UnitId_WorkPlanId",
                        columns: x => new { x.UnitId, x.WorkPlanId },
                        principalTable: "Plans",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkPlanId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyPlans", x => x.Id);
                    table.UniqueConstraint("AK_StudyPlans_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_StudyPlans_Plans_UnitId_WorkPlanId",
                        columns: x => new { x.UnitId, x.WorkPlanId },
                        principalTable: "Plans",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreboardNode",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScoreboardId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Parent = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    IsIndicator = table.Column<bool>(type: "boolean", nullable: false),
                    Direction = table.Column<int>(type: "integer", nullable: false),
                    MeasureUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Denominator = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    StandardValue = table.Column<double>(type: "double precision", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreboardNode", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreboardNode_Scoreboards_UnitId_ScoreboardId",
                        columns: x => new { x.UnitId, x.ScoreboardId },
                        principalTable: "Scoreboards",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreboardUnit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScoreboardId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Attributes = table.Column<string>(type: "text", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreboardUnit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreboardUnit_Scoreboards_UnitId_ScoreboardId",
                        columns: x => new { x.UnitId, x.ScoreboardId },
                        principalTable: "Scoreboards",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreboardValue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScoreboardId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Variable = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    EnteredById = table.Column<int>(type: "integer", nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreboardValue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreboardValue_Scoreboards_UnitId_ScoreboardId",
                        columns: x => new { x.UnitId, x.ScoreboardId },
                        principalTable: "Scoreboards",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Position = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.UniqueConstraint("AK_People_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_People_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_People_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignPhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignPhases", x => x.Id);
                    table.UniqueConstraint("AK_CampaignPhases_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_CampaignPhases_Campaigns_UnitId_CampaignId",
                        columns: x => new { x.UnitId, x.CampaignId },
                        principalTable: "Campaigns",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    DirectoryDn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentAwards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GivenById = table.Column<int>(type: "integer", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_AssessmentSchemes_UnitId_SchemeId",
                        columns: x => new { x.UnitId, x.SchemeId },
                        principalTable: "AssessmentSchemes",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_People_UnitId_GivenById",
                        columns: x => new { x.UnitId, x.GivenById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuedBulletins",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Plans = table.Column<string>(type: "text", nullable: false),
                    Kinds = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    IssuedById = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedBulletins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedBulletins_People_UnitId_IssuedById",
                        columns: x => new { x.UnitId, x.IssuedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LeaderCharges",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    LeaderId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderCharges", x => new { x.UnitId, x.LeaderId, x.SectionId });
                    table.ForeignKey(
                        name: "FK_LeaderCharges_People_UnitId_LeaderId",
                        columns: x => new { x.UnitId, x.LeaderId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeaderCharges_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MinutesNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RegisteredById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.UniqueConstraint("AK_Meetings_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Meetings_People_UnitId_RegisteredById",
                        columns: x => new { x.UnitId, x.RegisteredById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessengerLinks",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessengerLinks", x => new { x.UnitId, x.Kind, x.UserId });
                    table.ForeignKey(
                        name: "FK_MessengerLinks_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeChoices",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeChoices", x => new { x.UnitId, x.PersonId, x.Kind });
                    table.ForeignKey(
                        name: "FK_NoticeChoices_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeCounters",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Unread = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeCounters", x => new { x.UnitId, x.PersonId, x.Kind });
                    table.ForeignKey(
                        name: "FK_NoticeCounters_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LeaderId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.UniqueConstraint("AK_Problems_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Problems_People_UnitId_LeaderId",
                        columns: x => new { x.UnitId, x.LeaderId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalOpinions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadTaskId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Signer = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalOpinions_People_UnitId_SubmittedById",
                        columns: x => new { x.UnitId, x.SubmittedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicEditions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicEditions", x => x.Id);
                    table.UniqueConstraint("AK_PublicEditions_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_PublicEditions_People_UnitId_PublishedById",
                        columns: x => new { x.UnitId, x.PublishedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreAdjustments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GivenById = table.Column<int>(type: "integer", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_AssessmentSchemes_UnitId_SchemeId",
                        columns: x => new { x.UnitId, x.SchemeId },
                        principalTable: "AssessmentSchemes",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_People_UnitId_GivenById",
                        columns: x => new { x.UnitId, x.GivenById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Weight = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    LeadLeaderId = table.Column<int>(type: "integer", nullable: true),
                    LeadSectionId = table.Column<int>(type: "integer", nullable: false),
                    ResponsiblePersonId = table.Column<int>(type: "integer", nullable: true),
                    TargetValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    TargetUnit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OriginalDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionCount = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    AchievedValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    LastReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastReportedPeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    NextMilestoneDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportMissingFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    BehindFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PartsDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    PartsMilestoneDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    PartsWarnFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedSectionId = table.Column<int>(type: "integer", nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedById = table.Column<int>(type: "integer", nullable: true),
                    Light = table.Column<int>(type: "integer", nullable: false),
                    LightReason = table.Column<int>(type: "integer", nullable: false),
                    SourceDocumentId = table.Column<int>(type: "integer", nullable: true),
                    SourceStart = table.Column<int>(type: "integer", nullable: true),
                    SourceEnd = table.Column<int>(type: "integer", nullable: true),
                    SourceLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Restricted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.UniqueConstraint("AK_Tasks_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.CheckConstraint("CK_Tasks_Weight", "\"Weight\" BETWEEN 1 AND 100");
                    table.ForeignKey(
                        name: "FK_Tasks_People_UnitId_LeadLeaderId",
                        columns: x => new { x.UnitId, x.LeadLeaderId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_People_UnitId_ResponsiblePersonId",
                        columns: x => new { x.UnitId, x.ResponsiblePersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Plans_UnitId_PlanId",
                        columns: x => new { x.UnitId, x.PlanId },
                        principalTable: "Plans",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Sections_UnitId_LeadSectionId",
                        columns: x => new { x.UnitId, x.LeadSectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_SourceDocuments_UnitId_SourceDocumentId",
                        columns: x => new { x.UnitId, x.SourceDocumentId },
                        principalTable: "SourceDocuments",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Tasks_UnitId_ParentId",
                        columns: x => new { x.UnitId, x.ParentId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 90);

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Opinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Receipt = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredById = table.Column<int>(type: "integer", nullable: true),
                    ProblemId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opinions_Problems_UnitId_ProblemId",
                        columns: x => new { x.UnitId, x.ProblemId },
                        principalTable: "Problems",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opinions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicEditionItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    PlanTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LeadSection = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Responsible = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Problems = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicEditionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicEditionItems_PublicEditions_UnitId_EditionId",
                        columns: x => new { x.UnitId, x.EditionId },
                        principalTable: "PublicEditions",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AppealFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Satisfaction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ById = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppealFollowUps_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Receipt = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmitterName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Online = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstRepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReplyText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_Appeals_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveDetails",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SourceTitle = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Leader = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InstructedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Classification = table.Column<int>(type: "integer", nullable: false),
                    RegisteredById = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveDetails", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_DirectiveDetails_People_UnitId_RegisteredById",
                        columns: x => new { x.UnitId, x.RegisteredById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveDetails_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveInstructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveInstructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveInstructions_People_UnitId_RecordedById",
                        columns: x => new { x.UnitId, x.RecordedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveInstructions_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectiveReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedById = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: true),
                    Opinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectiveReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectiveReports_People_UnitId_RecordedById",
                        columns: x => new { x.UnitId, x.RecordedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveReports_People_UnitId_SubmittedById",
                        columns: x => new { x.UnitId, x.SubmittedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectiveReports_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DispatchParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SourceUnitId = table.Column<int>(type: "integer", nullable: false),
                    SourceTaskId = table.Column<int>(type: "integer", nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false),
                    Cadence = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReturnBy = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedTaskId = table.Column<int>(type: "integer", nullable: true),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedById = table.Column<int>(type: "integer", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnedById = table.Column<int>(type: "integer", nullable: true),
                    ConfirmNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReassignedToPartyId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DispatchParties_Tasks_SourceUnitId_SourceTaskId",
                        columns: x => new { x.SourceUnitId, x.SourceTaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DispatchParties_Tasks_UnitId_ReceivedTaskId",
                        columns: x => new { x.UnitId, x.ReceivedTaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DispatchParties_Units_SourceUnitId",
                        column: x => x.SourceUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DispatchParties_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EscalationSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    Facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IssuedById = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedById = table.Column<int>(type: "integer", nullable: true),
                    ReplyDueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationSteps", x => x.Id);
                    table.UniqueConstraint("AK_EscalationSteps_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_EscalationSteps_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganiserSectionId = table.Column<int>(type: "integer", nullable: false),
                    Partners = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TargetParticipants = table.Column<int>(type: "integer", nullable: true),
                    ActualParticipants = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Events_People_UnitId_CreatedById",
                        columns: x => new { x.UnitId, x.CreatedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Events_Sections_UnitId_OrganiserSectionId",
                        columns: x => new { x.UnitId, x.OrganiserSectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Events_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    RequestedById = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CurrentDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    NewDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HeldSheets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Facts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DeferredUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldSheets_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTasks",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ScoreboardId = table.Column<int>(type: "integer", nullable: false),
                    Indicator = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTasks", x => new { x.UnitId, x.ScoreboardId, x.Indicator, x.TaskId });
                    table.ForeignKey(
                        name: "FK_IndicatorTasks_Scoreboards_UnitId_ScoreboardId",
                        columns: x => new { x.UnitId, x.ScoreboardId },
                        principalTable: "Scoreboards",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorTasks_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDecisions",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDecisions", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_Meetings_UnitId_MeetingId",
                        columns: x => new { x.UnitId, x.MeetingId },
                        principalTable: "Meetings",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingDecisions_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Deliverable = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletionNote = table.Column<string>(type: "text", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Milestones_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PhaseTasks",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PhaseId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseTasks", x => new { x.UnitId, x.PhaseId, x.TaskId });
                    table.ForeignKey(
                        name: "FK_PhaseTasks_CampaignPhases_UnitId_PhaseId",
                        columns: x => new { x.UnitId, x.PhaseId },
                        principalTable: "CampaignPhases",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhaseTasks_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectDetails",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Investor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectDetails", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_ProjectDetails_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectStages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    StageIndex = table.Column<int>(type: "integer", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysFromPrevious = table.Column<int>(type: "integer", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectStages_People_UnitId_RecordedById",
                        columns: x => new { x.UnitId, x.RecordedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProjectStages_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalCoHandlers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    CoUnitId = table.Column<int>(type: "integer", nullable: false),
                    CoUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalCoHandlers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalCoHandlers_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposalReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ResultClass = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Signer = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DeliveredTo = table.Column<string>(type: "character varying(1100)", maxLength: 1100, nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Satisfaction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SatisfactionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SatisfactionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SatisfactionById = table.Column<int>(type: "integer", nullable: true),
                    File_ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    File_FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    File_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    File_Size = table.Column<long>(type: "bigint", nullable: true),
                    File_StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalReplies_People_UnitId_RecordedById",
                        columns: x => new { x.UnitId, x.RecordedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProposalReplies_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Proposals",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProposerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProposerGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProposerPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CoSigners = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReplyDue = table.Column<DateOnly>(type: "date", nullable: false),
                    OpinionDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionMonths = table.Column<int>(type: "integer", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstRepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReopenedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Proposals", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_Proposals_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicCommitments",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PublicTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Narrative = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Area = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    UseTaskTitle = table.Column<bool>(type: "boolean", nullable: false),
                    ShowLeadSection = table.Column<bool>(type: "boolean", nullable: false),
                    ShowResponsible = table.Column<bool>(type: "boolean", nullable: false),
                    ShowProblems = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedById = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicCommitments", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_PublicCommitments_People_UnitId_UpdatedById",
                        columns: x => new { x.UnitId, x.UpdatedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicCommitments_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityGrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    SchemeId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GivenById = table.Column<int>(type: "integer", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityGrades_AssessmentSchemes_UnitId_SchemeId",
                        columns: x => new { x.UnitId, x.SchemeId },
                        principalTable: "AssessmentSchemes",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QualityGrades_People_UnitId_GivenById",
                        columns: x => new { x.UnitId, x.GivenById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityGrades_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reassignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<int>(type: "integer", nullable: false),
                    FromSectionId = table.Column<int>(type: "integer", nullable: false),
                    ToSectionId = table.Column<int>(type: "integer", nullable: false),
                    FromPersonId = table.Column<int>(type: "integer", nullable: true),
                    ToPersonId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TaskReturnId = table.Column<int>(type: "integer", nullable: true),
                    BatchKey = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reassignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reassignments_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Rechecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    OriginalTaskId = table.Column<int>(type: "integer", nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "date", nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ScheduledById = table.Column<int>(type: "integer", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecheckTaskId = table.Column<int>(type: "integer", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<int>(type: "integer", nullable: false),
                    Findings = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReopenedDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludedById = table.Column<int>(type: "integer", nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rechecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rechecks_Tasks_UnitId_OriginalTaskId",
                        columns: x => new { x.UnitId, x.OriginalTaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rechecks_Tasks_UnitId_RecheckTaskId",
                        columns: x => new { x.UnitId, x.RecheckTaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationMeasures",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ProblemId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationMeasures", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_RectificationMeasures_Problems_UnitId_ProblemId",
                        columns: x => new { x.UnitId, x.ProblemId },
                        principalTable: "Problems",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationMeasures_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsLate = table.Column<bool>(type: "boolean", nullable: false),
                    Progress = table.Column<string>(type: "text", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    AchievedValue = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Problems = table.Column<string>(type: "text", nullable: true),
                    NextSteps = table.Column<string>(type: "text", nullable: true),
                    ClaimsCompletion = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectsId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.UniqueConstraint("AK_Reports_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Reports_People_UnitId_AuthorId",
                        columns: x => new { x.UnitId, x.AuthorId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_Reports_UnitId_CorrectsId",
                        columns: x => new { x.UnitId, x.CorrectsId },
                        principalTable: "Reports",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResearchReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedById = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    File_ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    File_FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    File_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    File_Size = table.Column<long>(type: "bigint", nullable: true),
                    File_StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchReports", x => x.Id);
                    table.UniqueConstraint("AK_ResearchReports_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_ResearchReports_People_UnitId_SubmittedById",
                        columns: x => new { x.UnitId, x.SubmittedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResearchReports_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResearchTopics",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Questions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Places = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReportDue = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchTopics", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_ResearchTopics_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResearchVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PeopleMet = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    File_ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    File_FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    File_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    File_Size = table.Column<long>(type: "bigint", nullable: true),
                    File_StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchVisits_People_UnitId_RecordedById",
                        columns: x => new { x.UnitId, x.RecordedById },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResearchVisits_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    RequiredSessions = table.Column<int>(type: "integer", nullable: false),
                    RequiredMinutes = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyGroups", x => x.Id);
                    table.UniqueConstraint("AK_StudyGroups_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_StudyGroups_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyGroups_StudyPlans_UnitId_PlanId",
                        columns: x => new { x.UnitId, x.PlanId },
                        principalTable: "StudyPlans",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StudyGroups_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskCooperations",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    Part = table.Column<string>(type: "text", nullable: true),
                    TaskOpen = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskCooperations", x => new { x.UnitId, x.TaskId, x.SectionId });
                    table.ForeignKey(
                        name: "FK_TaskCooperations_Sections_UnitId_SectionId",
                        columns: x => new { x.UnitId, x.SectionId },
                        principalTable: "Sections",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskCooperations_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskEvents_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskReaders",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReaders", x => new { x.UnitId, x.TaskId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_TaskReaders_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskReaders_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedById = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReturns_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Instructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: true),
                    LeaderId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instructions_EscalationSteps_UnitId_StepId",
                        columns: x => new { x.UnitId, x.StepId },
                        principalTable: "EscalationSteps",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Instructions_People_UnitId_LeaderId",
                        columns: x => new { x.UnitId, x.LeaderId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Instructions_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    RecipientId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    StepId = table.Column<long>(type: "bigint", nullable: true),
                    Title = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReadVia = table.Column<int>(type: "integer", nullable: true),
                    ResentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                    table.UniqueConstraint("AK_Notices_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_Notices_EscalationSteps_UnitId_StepId",
                        columns: x => new { x.UnitId, x.StepId },
                        principalTable: "EscalationSteps",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notices_People_UnitId_RecipientId",
                        columns: x => new { x.UnitId, x.RecipientId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SheetReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetReplies", x => x.Id);
                    table.UniqueConstraint("AK_SheetReplies_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_SheetReplies_EscalationSteps_UnitId_StepId",
                        columns: x => new { x.UnitId, x.StepId },
                        principalTable: "EscalationSteps",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SheetReplies_People_UnitId_AuthorId",
                        columns: x => new { x.UnitId, x.AuthorId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompletionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    RequestedById = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompletionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompletionRequests_Reports_UnitId_ReportId",
                        columns: x => new { x.UnitId, x.ReportId },
                        principalTable: "Reports",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CompletionRequests_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportReturns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    ReturnedById = table.Column<int>(type: "integer", nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportReturns_Reports_UnitId_ReportId",
                        columns: x => new { x.UnitId, x.ReportId },
                        principalTable: "Reports",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportReturns_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResearchFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ResultTaskId = table.Column<int>(type: "integer", nullable: true),
                    EnteredById = table.Column<int>(type: "integer", nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchFindings_ResearchReports_UnitId_ReportId",
                        columns: x => new { x.UnitId, x.ReportId },
                        principalTable: "ResearchReports",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResearchFindings_Tasks_UnitId_ResultTaskId",
                        columns: x => new { x.UnitId, x.ResultTaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResearchFindings_Tasks_UnitId_TaskId",
                        columns: x => new { x.UnitId, x.TaskId },
                        principalTable: "Tasks",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyMembers",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyMembers", x => new { x.UnitId, x.GroupId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_StudyMembers_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyMembers_StudyGroups_UnitId_GroupId",
                        columns: x => new { x.UnitId, x.GroupId },
                        principalTable: "StudyGroups",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudySessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Form = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Materials = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Effect = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Missing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudySessions", x => x.Id);
                    table.UniqueConstraint("AK_StudySessions_UnitId_Id", x => new { x.UnitId, x.Id });
                    table.ForeignKey(
                        name: "FK_StudySessions_StudyGroups_UnitId_GroupId",
                        columns: x => new { x.UnitId, x.GroupId },
                        principalTable: "StudyGroups",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    NoticeId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MessageKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: true),
                    ReadToken = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeDeliveries_Notices_UnitId_NoticeId",
                        columns: x => new { x.UnitId, x.NoticeId },
                        principalTable: "Notices",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeDigestItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    NoticeId = table.Column<long>(type: "bigint", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: true),
                    Line = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeDigestItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeDigestItems_Notices_UnitId_NoticeId",
                        columns: x => new { x.UnitId, x.NoticeId },
                        principalTable: "Notices",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeDigestRuns",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    NoticeId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeDigestRuns", x => new { x.UnitId, x.PersonId, x.Day });
                    table.ForeignKey(
                        name: "FK_NoticeDigestRuns_Notices_UnitId_NoticeId",
                        columns: x => new { x.UnitId, x.NoticeId },
                        principalTable: "Notices",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoticeDigestRuns_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<long>(type: "bigint", nullable: true),
                    ReplyId = table.Column<long>(type: "bigint", nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedById = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Reports_UnitId_ReportId",
                        columns: x => new { x.UnitId, x.ReportId },
                        principalTable: "Reports",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Evidence_SheetReplies_UnitId_ReplyId",
                        columns: x => new { x.UnitId, x.ReplyId },
                        principalTable: "SheetReplies",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyAttendance",
                columns: table => new
                {
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyAttendance", x => new { x.UnitId, x.SessionId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_StudyAttendance_People_UnitId_PersonId",
                        columns: x => new { x.UnitId, x.PersonId },
                        principalTable: "People",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyAttendance_StudySessions_UnitId_SessionId",
                        columns: x => new { x.UnitId, x.SessionId },
                        principalTable: "StudySessions",
                        principalColumns: new[] { "UnitId", "Id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppealFollowUps_UnitId_TaskId",
                table: "AppealFollowUps",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_UnitId_Receipt",
                table: "Appeals",
                columns: new[] { "UnitId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_UnitId_ReceivedOn",
                table: "Appeals",
                columns: new[] { "UnitId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_UnitId_TaskId",
                table: "Appeals",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_UnitId_GivenById",
                table: "AssessmentAwards",
                columns: new[] { "UnitId", "GivenById" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_UnitId_PersonId",
                table: "AssessmentAwards",
                columns: new[] { "UnitId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_UnitId_SchemeId",
                table: "AssessmentAwards",
                columns: new[] { "UnitId", "SchemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_UnitId_SectionId",
                table: "AssessmentAwards",
                columns: new[] { "UnitId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_UnitId_PeriodStart",
                table: "AssessmentSchemes",
                columns: new[] { "UnitId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UnitId_At",
                table: "AuditEntries",
                columns: new[] { "UnitId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UnitId_Kind_At",
                table: "AuditEntries",
                columns: new[] { "UnitId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarReschedules_Queued",
                table: "CalendarReschedules",
                column: "UnitId",
                unique: true,
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarReschedules_UnitId_Id",
                table: "CalendarReschedules",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPhases_UnitId_CampaignId",
                table: "CampaignPhases",
                columns: new[] { "UnitId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_UnitId",
                table: "Campaigns",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_UnitId_WorkPlanId",
                table: "Campaigns",
                columns: new[] { "UnitId", "WorkPlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_CompletionRequests_OnePending",
                table: "CompletionRequests",
                columns: new[] { "UnitId", "TaskId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_CompletionRequests_UnitId_ReportId",
                table: "CompletionRequests",
                columns: new[] { "UnitId", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_CompletionRequests_UnitId_Status_RequestedAt",
                table: "CompletionRequests",
                columns: new[] { "UnitId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CompletionRequests_UnitId_TaskId",
                table: "CompletionRequests",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveDetails_UnitId_RegisteredById",
                table: "DirectiveDetails",
                columns: new[] { "UnitId", "RegisteredById" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveDetails_UnitId_TaskId",
                table: "DirectiveDetails",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveInstructions_UnitId_RecordedById",
                table: "DirectiveInstructions",
                columns: new[] { "UnitId", "RecordedById" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveInstructions_UnitId_TaskId_Round",
                table: "DirectiveInstructions",
                columns: new[] { "UnitId", "TaskId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveReports_UnitId_RecordedById",
                table: "DirectiveReports",
                columns: new[] { "UnitId", "RecordedById" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveReports_UnitId_SubmittedById",
                table: "DirectiveReports",
                columns: new[] { "UnitId", "SubmittedById" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectiveReports_UnitId_TaskId_Round",
                table: "DirectiveReports",
                columns: new[] { "UnitId", "TaskId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectorySyncRuns_UnitId_StartedAt",
                table: "DirectorySyncRuns",
                columns: new[] { "UnitId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchParties_SourceUnitId_SourceTaskId",
                table: "DispatchParties",
                columns: new[] { "SourceUnitId", "SourceTaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchParties_UnitId_ReceivedTaskId",
                table: "DispatchParties",
                columns: new[] { "UnitId", "ReceivedTaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchParties_UnitId_SourceUnitId_SourceTaskId",
                table: "DispatchParties",
                columns: new[] { "UnitId", "SourceUnitId", "SourceTaskId" },
                unique: true,
                filter: "\"State\" <> 3");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchParties_UnitId_State",
                table: "DispatchParties",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationSteps_UnitId_Step_Id",
                table: "EscalationSteps",
                columns: new[] { "UnitId", "Step", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationSteps_UnitId_TaskId_Deadline_DueOn_Step",
                table: "EscalationSteps",
                columns: new[] { "UnitId", "TaskId", "Deadline", "DueOn", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscalationSteps_UnitId_Year_Sequence",
                table: "EscalationSteps",
                columns: new[] { "UnitId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Events_UnitId_CreatedById",
                table: "Events",
                columns: new[] { "UnitId", "CreatedById" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_UnitId_Date",
                table: "Events",
                columns: new[] { "UnitId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_UnitId_OrganiserSectionId",
                table: "Events",
                columns: new[] { "UnitId", "OrganiserSectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_UnitId_TaskId",
                table: "Events",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_UnitId_ReplyId",
                table: "Evidence",
                columns: new[] { "UnitId", "ReplyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_UnitId_ReportId",
                table: "Evidence",
                columns: new[] { "UnitId", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_OnePending",
                table: "ExtensionRequests",
                columns: new[] { "UnitId", "TaskId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_UnitId_TaskId_Status",
                table: "ExtensionRequests",
                columns: new[] { "UnitId", "TaskId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldSheets_UnitId_TaskId_Deadline_DueOn",
                table: "HeldSheets",
                columns: new[] { "UnitId", "TaskId", "Deadline", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_CreatedAt",
                table: "IdempotentRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_UnitId_PersonId_Key",
                table: "IdempotentRequests",
                columns: new[] { "UnitId", "PersonId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_UnitId_TaskId",
                table: "IndicatorTasks",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_AcknowledgedAt_TaskId",
                table: "Instructions",
                columns: new[] { "UnitId", "AcknowledgedAt", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_LeaderId_WrittenAt",
                table: "Instructions",
                columns: new[] { "UnitId", "LeaderId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_StepId",
                table: "Instructions",
                columns: new[] { "UnitId", "StepId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_TaskId",
                table: "Instructions",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedBulletins_UnitId_IssuedById",
                table: "IssuedBulletins",
                columns: new[] { "UnitId", "IssuedById" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedBulletins_UnitId_Period",
                table: "IssuedBulletins",
                columns: new[] { "UnitId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedBulletins_UnitId_Year_Number",
                table: "IssuedBulletins",
                columns: new[] { "UnitId", "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeaderCharges_UnitId_SectionId",
                table: "LeaderCharges",
                columns: new[] { "UnitId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_UnitId_MeetingId_Number",
                table: "MeetingDecisions",
                columns: new[] { "UnitId", "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDecisions_UnitId_TaskId",
                table: "MeetingDecisions",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_UnitId_HeldOn",
                table: "Meetings",
                columns: new[] { "UnitId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_UnitId_RegisteredById",
                table: "Meetings",
                columns: new[] { "UnitId", "RegisteredById" });

            migrationBuilder.CreateIndex(
                name: "IX_MessengerLinks_UnitId_Kind_PersonId",
                table: "MessengerLinks",
                columns: new[] { "UnitId", "Kind", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessengerLinks_UnitId_PersonId",
                table: "MessengerLinks",
                columns: new[] { "UnitId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_Open",
                table: "Milestones",
                columns: new[] { "UnitId", "DueDate" },
                filter: "\"CompletedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_UnitId_TaskId",
                table: "Milestones",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDeliveries_ReadToken",
                table: "NoticeDeliveries",
                column: "ReadToken",
                unique: true,
                filter: "\"ReadToken\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDeliveries_Status_NextAttemptAt",
                table: "NoticeDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDeliveries_UnitId_NoticeId",
                table: "NoticeDeliveries",
                columns: new[] { "UnitId", "NoticeId" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDeliveries_UnitId_Status_Channel",
                table: "NoticeDeliveries",
                columns: new[] { "UnitId", "Status", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDigestItems_UnitId_NoticeId",
                table: "NoticeDigestItems",
                columns: new[] { "UnitId", "NoticeId" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDigestRuns_UnitId_NoticeId",
                table: "NoticeDigestRuns",
                columns: new[] { "UnitId", "NoticeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Inbox",
                table: "Notices",
                columns: new[] { "UnitId", "RecipientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_InboxByKind",
                table: "Notices",
                columns: new[] { "UnitId", "RecipientId", "Kind", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_MustArrive",
                table: "Notices",
                columns: new[] { "UnitId", "Kind", "CreatedAt" },
                filter: "\"ReadAt\" IS NULL AND \"ResentAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_UnitId_StepId",
                table: "Notices",
                columns: new[] { "UnitId", "StepId" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Unread",
                table: "Notices",
                columns: new[] { "UnitId", "RecipientId", "Id" },
                filter: "\"ReadAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_UnitId_ProblemId",
                table: "Opinions",
                columns: new[] { "UnitId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_UnitId_Receipt",
                table: "Opinions",
                columns: new[] { "UnitId", "Receipt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_UnitId_SectionId",
                table: "People",
                columns: new[] { "UnitId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseTasks_UnitId_TaskId",
                table: "PhaseTasks",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_LedgerOfYear",
                table: "Plans",
                columns: new[] { "UnitId", "Year", "LedgerKind", "Cadence" },
                unique: true,
                filter: "\"LedgerKind\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_UnitId_Year",
                table: "Plans",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_UnitId_LeaderId",
                table: "Problems",
                columns: new[] { "UnitId", "LeaderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_UnitId_SortOrder",
                table: "Problems",
                columns: new[] { "UnitId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectDetails_UnitId_TaskId",
                table: "ProjectDetails",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStages_UnitId_RecordedById",
                table: "ProjectStages",
                columns: new[] { "UnitId", "RecordedById" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStages_UnitId_StageIndex_DaysFromPrevious",
                table: "ProjectStages",
                columns: new[] { "UnitId", "StageIndex", "DaysFromPrevious" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectStages_UnitId_TaskId_StageIndex",
                table: "ProjectStages",
                columns: new[] { "UnitId", "TaskId", "StageIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalCoHandlers_UnitId_TaskId_CoUnitId",
                table: "ProposalCoHandlers",
                columns: new[] { "UnitId", "TaskId", "CoUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalOpinions_UnitId_LeadUnitId_LeadTaskId",
                table: "ProposalOpinions",
                columns: new[] { "UnitId", "LeadUnitId", "LeadTaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalOpinions_UnitId_SubmittedById",
                table: "ProposalOpinions",
                columns: new[] { "UnitId", "SubmittedById" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalOpinions_UnitId_SubmittedOn",
                table: "ProposalOpinions",
                columns: new[] { "UnitId", "SubmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplies_UnitId_RecordedById",
                table: "ProposalReplies",
                columns: new[] { "UnitId", "RecordedById" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalReplies_UnitId_TaskId_Round",
                table: "ProposalReplies",
                columns: new[] { "UnitId", "TaskId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_UnitId_TaskId",
                table: "Proposals",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_UnitId_Year_Type_Number",
                table: "Proposals",
                columns: new[] { "UnitId", "Year", "Type", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicCommitments_UnitId",
                table: "PublicCommitments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicCommitments_UnitId_TaskId",
                table: "PublicCommitments",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicCommitments_UnitId_UpdatedById",
                table: "PublicCommitments",
                columns: new[] { "UnitId", "UpdatedById" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicEditionItems_UnitId_EditionId_SortOrder",
                table: "PublicEditionItems",
                columns: new[] { "UnitId", "EditionId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicEditions_UnitId_Number",
                table: "PublicEditions",
                columns: new[] { "UnitId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicEditions_UnitId_PublishedById",
                table: "PublicEditions",
                columns: new[] { "UnitId", "PublishedById" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_UnitId_GivenById",
                table: "QualityGrades",
                columns: new[] { "UnitId", "GivenById" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_UnitId_SchemeId_TaskId",
                table: "QualityGrades",
                columns: new[] { "UnitId", "SchemeId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_UnitId_TaskId",
                table: "QualityGrades",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reassignments_UnitId_BatchKey_TaskId",
                table: "Reassignments",
                columns: new[] { "UnitId", "BatchKey", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reassignments_UnitId_TaskId_At",
                table: "Reassignments",
                columns: new[] { "UnitId", "TaskId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Rechecks_OneOpenPerTask",
                table: "Rechecks",
                columns: new[] { "UnitId", "OriginalTaskId" },
                unique: true,
                filter: "\"Result\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Rechecks_UnitId_OriginalTaskId_Id",
                table: "Rechecks",
                columns: new[] { "UnitId", "OriginalTaskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Rechecks_UnitId_RecheckTaskId",
                table: "Rechecks",
                columns: new[] { "UnitId", "RecheckTaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rechecks_UnitId_ScheduledFor",
                table: "Rechecks",
                columns: new[] { "UnitId", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordCheckpoints_UnitId_Seq",
                table: "RecordCheckpoints",
                columns: new[] { "UnitId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordChecks_Pending",
                table: "RecordChecks",
                column: "UnitId",
                unique: true,
                filter: "\"State\" < 2");

            migrationBuilder.CreateIndex(
                name: "IX_RecordChecks_UnitId_Id",
                table: "RecordChecks",
                columns: new[] { "UnitId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordEntries_UnitId_Seq",
                table: "RecordEntries",
                columns: new[] { "UnitId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordEntries_Unsealed",
                table: "RecordEntries",
                column: "UnitId",
                filter: "\"Seq\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_UnitId_ProblemId",
                table: "RectificationMeasures",
                columns: new[] { "UnitId", "ProblemId" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_UnitId_TaskId",
                table: "RectificationMeasures",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportReturns_UnitId_ReportId",
                table: "ReportReturns",
                columns: new[] { "UnitId", "ReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportReturns_UnitId_SectionId_ReturnedAt",
                table: "ReportReturns",
                columns: new[] { "UnitId", "SectionId", "ReturnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportReturns_UnitId_TaskId",
                table: "ReportReturns",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_AuthorId",
                table: "Reports",
                columns: new[] { "UnitId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_CorrectsId",
                table: "Reports",
                columns: new[] { "UnitId", "CorrectsId" },
                filter: "\"CorrectsId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_SectionId_SubmittedAt",
                table: "Reports",
                columns: new[] { "UnitId", "SectionId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_TaskId_SubmittedAt",
                table: "Reports",
                columns: new[] { "UnitId", "TaskId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchFindings_UnitId_ReportId",
                table: "ResearchFindings",
                columns: new[] { "UnitId", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchFindings_UnitId_ResultTaskId",
                table: "ResearchFindings",
                columns: new[] { "UnitId", "ResultTaskId" },
                unique: true,
                filter: "\"ResultTaskId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResearchFindings_UnitId_TaskId_Number",
                table: "ResearchFindings",
                columns: new[] { "UnitId", "TaskId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_UnitId_SubmittedById",
                table: "ResearchReports",
                columns: new[] { "UnitId", "SubmittedById" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchReports_UnitId_TaskId_Version",
                table: "ResearchReports",
                columns: new[] { "UnitId", "TaskId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResearchTopics_UnitId_TaskId",
                table: "ResearchTopics",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResearchVisits_UnitId_RecordedById",
                table: "ResearchVisits",
                columns: new[] { "UnitId", "RecordedById" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchVisits_UnitId_TaskId",
                table: "ResearchVisits",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFiles_UnitId_Period_Kind",
                table: "ReviewFiles",
                columns: new[] { "UnitId", "Period", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RobotWebhooks_UnitId_UrlKey",
                table: "RobotWebhooks",
                columns: new[] { "UnitId", "UrlKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_UnitId_GivenById",
                table: "ScoreAdjustments",
                columns: new[] { "UnitId", "GivenById" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_UnitId_PersonId",
                table: "ScoreAdjustments",
                columns: new[] { "UnitId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_UnitId_SchemeId",
                table: "ScoreAdjustments",
                columns: new[] { "UnitId", "SchemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_UnitId_SectionId",
                table: "ScoreAdjustments",
                columns: new[] { "UnitId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardNode_UnitId_ScoreboardId_Code",
                table: "ScoreboardNode",
                columns: new[] { "UnitId", "ScoreboardId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scoreboards_UnitId",
                table: "Scoreboards",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardUnit_UnitId_ScoreboardId_Code",
                table: "ScoreboardUnit",
                columns: new[] { "UnitId", "ScoreboardId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardValue_UnitId_ScoreboardId_UnitCode_Variable_Year",
                table: "ScoreboardValue",
                columns: new[] { "UnitId", "ScoreboardId", "UnitCode", "Variable", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sections_UnitId_Name",
                table: "Sections",
                columns: new[] { "UnitId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_OnePending",
                table: "SheetReplies",
                columns: new[] { "UnitId", "StepId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_UnitId_AuthorId",
                table: "SheetReplies",
                columns: new[] { "UnitId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_UnitId_Status_SubmittedAt",
                table: "SheetReplies",
                columns: new[] { "UnitId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_UnitId_StepId",
                table: "SheetReplies",
                columns: new[] { "UnitId", "StepId" });

            migrationBuilder.CreateIndex(
                name: "IX_SignOnNonces_ExpiresAt",
                table: "SignOnNonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SourceDocuments_UnitId_UploadedAt",
                table: "SourceDocuments",
                columns: new[] { "UnitId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyAttendance_UnitId_GroupId_PersonId",
                table: "StudyAttendance",
                columns: new[] { "UnitId", "GroupId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyAttendance_UnitId_PersonId_Date",
                table: "StudyAttendance",
                columns: new[] { "UnitId", "PersonId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_UnitId_PlanId",
                table: "StudyGroups",
                columns: new[] { "UnitId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_UnitId_SectionId",
                table: "StudyGroups",
                columns: new[] { "UnitId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_UnitId_TaskId",
                table: "StudyGroups",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyMembers_UnitId_PersonId",
                table: "StudyMembers",
                columns: new[] { "UnitId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyPlans_UnitId_WorkPlanId",
                table: "StudyPlans",
                columns: new[] { "UnitId", "WorkPlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyPlans_UnitId_Year",
                table: "StudyPlans",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_UnitId_GroupId_Date",
                table: "StudySessions",
                columns: new[] { "UnitId", "GroupId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskCooperations_Open",
                table: "TaskCooperations",
                columns: new[] { "UnitId", "SectionId", "TaskId" },
                filter: "\"TaskOpen\"");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCooperations_UnitId_SectionId",
                table: "TaskCooperations",
                columns: new[] { "UnitId", "SectionId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskEvents_UnitId_TaskId_At",
                table: "TaskEvents",
                columns: new[] { "UnitId", "TaskId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskReaders_UnitId_PersonId",
                table: "TaskReaders",
                columns: new[] { "UnitId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskReturns_UnitId_Status_RequestedAt",
                table: "TaskReturns",
                columns: new[] { "UnitId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskReturns_UnitId_TaskId_SectionId_AssignedOn",
                table: "TaskReturns",
                columns: new[] { "UnitId", "TaskId", "SectionId", "AssignedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Open_DueBy",
                table: "Tasks",
                columns: new[] { "UnitId", "DueBy" },
                filter: "\"CompletedOn\" IS NULL AND NOT \"Restricted\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Open_Person_DueBy",
                table: "Tasks",
                columns: new[] { "UnitId", "ResponsiblePersonId", "DueBy" },
                filter: "\"CompletedOn\" IS NULL AND NOT \"Restricted\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Projects",
                table: "Tasks",
                columns: new[] { "UnitId", "LeadSectionId", "ResponsiblePersonId", "Stage" },
                filter: "\"Kind\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Restricted",
                table: "Tasks",
                columns: new[] { "UnitId", "LeadSectionId" },
                filter: "\"Restricted\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_DueBy",
                table: "Tasks",
                columns: new[] { "UnitId", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_Kind_Stage",
                table: "Tasks",
                columns: new[] { "UnitId", "Kind", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_LeadLeaderId",
                table: "Tasks",
                columns: new[] { "UnitId", "LeadLeaderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_LeadSectionId_Light_DueBy",
                table: "Tasks",
                columns: new[] { "UnitId", "LeadSectionId", "Light", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_Light_DueBy",
                table: "Tasks",
                columns: new[] { "UnitId", "Light", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_ParentId",
                table: "Tasks",
                columns: new[] { "UnitId", "ParentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_PlanId_ParentId_SortOrder",
                table: "Tasks",
                columns: new[] { "UnitId", "PlanId", "ParentId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_ResponsiblePersonId",
                table: "Tasks",
                columns: new[] { "UnitId", "ResponsiblePersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_UnitId_SourceDocumentId",
                table: "Tasks",
                columns: new[] { "UnitId", "SourceDocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppealFollowUps");

            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssessmentAwards");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarReschedules");

            migrationBuilder.DropTable(
                name: "CompletionRequests");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DirectiveDetails");

            migrationBuilder.DropTable(
                name: "DirectiveInstructions");

            migrationBuilder.DropTable(
                name: "DirectiveReports");

            migrationBuilder.DropTable(
                name: "DirectorySettings");

            migrationBuilder.DropTable(
                name: "DirectorySyncRuns");

            migrationBuilder.DropTable(
                name: "DispatchParties");

            migrationBuilder.DropTable(
                name: "EscalationRunLogs");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "HeldSheets");

            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropTable(
                name: "IndicatorTasks");

            migrationBuilder.DropTable(
                name: "Instructions");

            migrationBuilder.DropTable(
                name: "IssuedBulletins");

            migrationBuilder.DropTable(
                name: "LeaderCharges");

            migrationBuilder.DropTable(
                name: "MeetingDecisions");

            migrationBuilder.DropTable(
                name: "MessengerLinks");

            migrationBuilder.DropTable(
                name: "MessengerSettings");

            migrationBuilder.DropTable(
                name: "Milestones");

            migrationBuilder.DropTable(
                name: "NoticeChoices");

            migrationBuilder.DropTable(
                name: "NoticeCounters");

            migrationBuilder.DropTable(
                name: "NoticeDeliveries");

            migrationBuilder.DropTable(
                name: "NoticeDigestItems");

            migrationBuilder.DropTable(
                name: "NoticeDigestRuns");

            migrationBuilder.DropTable(
                name: "NoticeRequirements");

            migrationBuilder.DropTable(
                name: "Opinions");

            migrationBuilder.DropTable(
                name: "PhaseTasks");

            migrationBuilder.DropTable(
                name: "ProjectDetails");

            migrationBuilder.DropTable(
                name: "ProjectStages");

            migrationBuilder.DropTable(
                name: "ProposalCoHandlers");

            migrationBuilder.DropTable(
                name: "ProposalOpinions");

            migrationBuilder.DropTable(
                name: "ProposalReplies");

            migrationBuilder.DropTable(
                name: "Proposals");

            migrationBuilder.DropTable(
                name: "PublicCommitments");

            migrationBuilder.DropTable(
                name: "PublicEditionItems");

            migrationBuilder.DropTable(
                name: "QualityGrades");

            migrationBuilder.DropTable(
                name: "Reassignments");

            migrationBuilder.DropTable(
                name: "Rechecks");

            migrationBuilder.DropTable(
                name: "RecordCheckpoints");

            migrationBuilder.DropTable(
                name: "RecordChecks");

            migrationBuilder.DropTable(
                name: "RecordEntries");

            migrationBuilder.DropTable(
                name: "RecordHeads");

            migrationBuilder.DropTable(
                name: "RecordSeals");

            migrationBuilder.DropTable(
                name: "RecordStarts");

            migrationBuilder.DropTable(
                name: "RectificationMeasures");

            migrationBuilder.DropTable(
                name: "ReportReturns");

            migrationBuilder.DropTable(
                name: "ResearchFindings");

            migrationBuilder.DropTable(
                name: "ResearchTopics");

            migrationBuilder.DropTable(
                name: "ResearchVisits");

            migrationBuilder.DropTable(
                name: "ReviewFiles");

            migrationBuilder.DropTable(
                name: "RobotWebhooks");

            migrationBuilder.DropTable(
                name: "ScoreAdjustments");

            migrationBuilder.DropTable(
                name: "ScoreboardNode");

            migrationBuilder.DropTable(
                name: "ScoreboardUnit");

            migrationBuilder.DropTable(
                name: "ScoreboardValue");

            migrationBuilder.DropTable(
                name: "SectionLightCounts");

            migrationBuilder.DropTable(
                name: "SignOnNonces");

            migrationBuilder.DropTable(
                name: "StoredAssessments");

            migrationBuilder.DropTable(
                name: "StudyAttendance");

            migrationBuilder.DropTable(
                name: "StudyMembers");

            migrationBuilder.DropTable(
                name: "TaskCooperations");

            migrationBuilder.DropTable(
                name: "TaskEvents");

            migrationBuilder.DropTable(
                name: "TaskReaders");

            migrationBuilder.DropTable(
                name: "TaskReturns");

            migrationBuilder.DropTable(
                name: "UnitSigningKeys");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "SheetReplies");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "CampaignPhases");

            migrationBuilder.DropTable(
                name: "PublicEditions");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "ResearchReports");

            migrationBuilder.DropTable(
                name: "Scoreboards");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropTable(
                name: "StudySessions");

            migrationBuilder.DropTable(
                name: "EscalationSteps");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "StudyGroups");

            migrationBuilder.DropTable(
                name: "StudyPlans");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "SourceDocuments");

            migrationBuilder.DropTable(
                name: "Sections");

            migrationBuilder.DropTable(
                name: "Units");
        }
    }
}
