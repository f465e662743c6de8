using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Study : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Plans_WorkPlanId",
                        column: x => x.WorkPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyPlans_Plans_WorkPlanId",
                        column: x => x.WorkPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignPhases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignPhases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignPhases_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredSessions = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyGroups_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyGroups_StudyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "StudyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StudyGroups_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PhaseTasks",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseTasks", x => new { x.UnitId, x.PhaseId, x.TaskId });
                    table.ForeignKey(
                        name: "FK_PhaseTasks_CampaignPhases_PhaseId",
                        column: x => x.PhaseId,
                        principalTable: "CampaignPhases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhaseTasks_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyMembers",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyMembers", x => new { x.UnitId, x.GroupId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_StudyMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyMembers_StudyGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StudyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudySessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Form = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Missing = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudySessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudySessions_StudyGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StudyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyAttendance",
                columns: table => new
                {
                    SessionId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyAttendance", x => new { x.UnitId, x.SessionId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_StudyAttendance_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyAttendance_StudySessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "StudySessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPhases_CampaignId",
                table: "CampaignPhases",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignPhases_UnitId_CampaignId",
                table: "CampaignPhases",
                columns: new[] { "UnitId", "CampaignId" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_UnitId",
                table: "Campaigns",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_WorkPlanId",
                table: "Campaigns",
                column: "WorkPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseTasks_PhaseId",
                table: "PhaseTasks",
                column: "PhaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseTasks_TaskId",
                table: "PhaseTasks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseTasks_UnitId_TaskId",
                table: "PhaseTasks",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyAttendance_PersonId",
                table: "StudyAttendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyAttendance_SessionId",
                table: "StudyAttendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyAttendance_UnitId_GroupId_PersonId",
                table: "StudyAttendance",
                columns: new[] { "UnitId", "GroupId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyAttendance_UnitId_PersonId_Date",
                table: "StudyAttendance",
                columns: new[] { "UnitId", "PersonId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_PlanId",
                table: "StudyGroups",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_SectionId",
                table: "StudyGroups",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_TaskId",
                table: "StudyGroups",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyGroups_UnitId_PlanId",
                table: "StudyGroups",
                columns: new[] { "UnitId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyMembers_GroupId",
                table: "StudyMembers",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyMembers_PersonId",
                table: "StudyMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyPlans_UnitId_Year",
                table: "StudyPlans",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyPlans_WorkPlanId",
                table: "StudyPlans",
                column: "WorkPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_GroupId",
                table: "StudySessions",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_UnitId_GroupId_Date",
                table: "StudySessions",
                columns: new[] { "UnitId", "GroupId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhaseTasks");

            migrationBuilder.DropTable(
                name: "StudyAttendance");

            migrationBuilder.DropTable(
                name: "StudyMembers");

            migrationBuilder.DropTable(
                name: "CampaignPhases");

            migrationBuilder.DropTable(
                name: "StudySessions");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "StudyGroups");

            migrationBuilder.DropTable(
                name: "StudyPlans");
        }
    }
}
