using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReturnsAndReassignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReturnWithinDays",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "Reassignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ById = table.Column<int>(type: "INTEGER", nullable: false),
                    FromSectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToSectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TaskReturnId = table.Column<int>(type: "INTEGER", nullable: true),
                    BatchKey = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reassignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reassignments_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportReturns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedById = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportReturns_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportReturns_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedById = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReturns_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reassignments_TaskId",
                table: "Reassignments",
                column: "TaskId");

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
                name: "IX_ReportReturns_ReportId",
                table: "ReportReturns",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportReturns_TaskId",
                table: "ReportReturns",
                column: "TaskId");

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
                name: "IX_TaskReturns_TaskId",
                table: "TaskReturns",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReturns_UnitId_Status_RequestedAt",
                table: "TaskReturns",
                columns: new[] { "UnitId", "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskReturns_UnitId_TaskId_SectionId_AssignedOn",
                table: "TaskReturns",
                columns: new[] { "UnitId", "TaskId", "SectionId", "AssignedOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Reassignments");

            migrationBuilder.DropTable(
                name: "ReportReturns");

            migrationBuilder.DropTable(
                name: "TaskReturns");

            migrationBuilder.DropColumn(
                name: "ReturnWithinDays",
                table: "Plans");
        }
    }
}
