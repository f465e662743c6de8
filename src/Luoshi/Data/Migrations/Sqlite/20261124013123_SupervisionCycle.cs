using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AssignedOn",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AssignedSectionId",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SignDueBy",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAt",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SignedById",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemindDaysBefore",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SignWithinDays",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SuperviseAfterDays",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AssessmentSchemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletionWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    TimelinessWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    QualityWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    ExtendedFactor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    UrgePoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SupervisePoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    OverduePointsPerDay = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    OverdueCapPerTask = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    RefusedCompletionPoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    LeadShare = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    MaxAdjustment = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Grades = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefaultGrade = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsLocked = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockedById = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentSchemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentSchemes_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EscalationSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationSteps_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                name: "ReviewFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RobotWebhooks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "AssessmentAwards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GivenById = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentAwards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_People_GivenById",
                        column: x => x.GivenById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentAwards_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QualityGrades",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GivenById = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityGrades_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QualityGrades_People_GivenById",
                        column: x => x.GivenById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QualityGrades_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreAdjustments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GivenById = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_AssessmentSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "AssessmentSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_People_GivenById",
                        column: x => x.GivenById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreAdjustments_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    StepId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_EscalationSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "EscalationSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Notices_People_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NoticeDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MessageKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeDeliveries_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_GivenById",
                table: "AssessmentAwards",
                column: "GivenById");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_PersonId",
                table: "AssessmentAwards",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_SchemeId",
                table: "AssessmentAwards",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_SectionId",
                table: "AssessmentAwards",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentAwards_UnitId_SchemeId",
                table: "AssessmentAwards",
                columns: new[] { "UnitId", "SchemeId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentSchemes_UnitId_PeriodStart",
                table: "AssessmentSchemes",
                columns: new[] { "UnitId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationSteps_TaskId",
                table: "EscalationSteps",
                column: "TaskId");

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
                name: "IX_NoticeDeliveries_NoticeId",
                table: "NoticeDeliveries",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDeliveries_Status_NextAttemptAt",
                table: "NoticeDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeDeliveries_UnitId_Status_Channel",
                table: "NoticeDeliveries",
                columns: new[] { "UnitId", "Status", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_RecipientId",
                table: "Notices",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_StepId",
                table: "Notices",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_UnitId_RecipientId_ReadAt_Id",
                table: "Notices",
                columns: new[] { "UnitId", "RecipientId", "ReadAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_GivenById",
                table: "QualityGrades",
                column: "GivenById");

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_SchemeId",
                table: "QualityGrades",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_TaskId",
                table: "QualityGrades",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityGrades_UnitId_SchemeId_TaskId",
                table: "QualityGrades",
                columns: new[] { "UnitId", "SchemeId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordEntries_UnitId_Seq",
                table: "RecordEntries",
                columns: new[] { "UnitId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewFiles_UnitId_Period_Kind",
                table: "ReviewFiles",
                columns: new[] { "UnitId", "Period", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RobotWebhooks_UnitId_Url",
                table: "RobotWebhooks",
                columns: new[] { "UnitId", "Url" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_GivenById",
                table: "ScoreAdjustments",
                column: "GivenById");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_PersonId",
                table: "ScoreAdjustments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_SchemeId",
                table: "ScoreAdjustments",
                column: "SchemeId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_SectionId",
                table: "ScoreAdjustments",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreAdjustments_UnitId_SchemeId",
                table: "ScoreAdjustments",
                columns: new[] { "UnitId", "SchemeId" });

            // Tasks that existed before sign-off count as assigned and signed: nobody is chased for them.
            migrationBuilder.Sql("UPDATE \"Tasks\" SET \"AssignedSectionId\" = \"LeadSectionId\", \"SignedAt\" = \"CreatedAt\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAwards");

            migrationBuilder.DropTable(
                name: "NoticeDeliveries");

            migrationBuilder.DropTable(
                name: "QualityGrades");

            migrationBuilder.DropTable(
                name: "RecordEntries");

            migrationBuilder.DropTable(
                name: "RecordHeads");

            migrationBuilder.DropTable(
                name: "ReviewFiles");

            migrationBuilder.DropTable(
                name: "RobotWebhooks");

            migrationBuilder.DropTable(
                name: "ScoreAdjustments");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");

            migrationBuilder.DropTable(
                name: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "AssignedOn",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "AssignedSectionId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SignDueBy",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SignedById",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "RemindDaysBefore",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "SignWithinDays",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "SuperviseAfterDays",
                table: "Plans");
        }
    }
}
