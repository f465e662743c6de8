using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SheetsAndInstructions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ReplyId",
                table: "Evidence",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAt",
                table: "EscalationSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcknowledgedById",
                table: "EscalationSteps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "EscalationSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IssuedById",
                table: "EscalationSteps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "EscalationSteps",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReplyDueBy",
                table: "EscalationSteps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Source",
                table: "EscalationSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "EscalationSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Instructions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    StepId = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedById = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instructions_EscalationSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "EscalationSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Instructions_People_LeaderId",
                        column: x => x.LeaderId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Instructions_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SheetReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    StepId = table.Column<long>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SheetReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SheetReplies_EscalationSteps_StepId",
                        column: x => x.StepId,
                        principalTable: "EscalationSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SheetReplies_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ReplyId",
                table: "Evidence",
                column: "ReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationSteps_UnitId_Step_Id",
                table: "EscalationSteps",
                columns: new[] { "UnitId", "Step", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_LeaderId",
                table: "Instructions",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_StepId",
                table: "Instructions",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_TaskId",
                table: "Instructions",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_AcknowledgedAt_TaskId",
                table: "Instructions",
                columns: new[] { "UnitId", "AcknowledgedAt", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_LeaderId_WrittenAt",
                table: "Instructions",
                columns: new[] { "UnitId", "LeaderId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Instructions_UnitId_TaskId",
                table: "Instructions",
                columns: new[] { "UnitId", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_AuthorId",
                table: "SheetReplies",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_OnePending",
                table: "SheetReplies",
                columns: new[] { "UnitId", "StepId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_StepId",
                table: "SheetReplies",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_UnitId_Status_SubmittedAt",
                table: "SheetReplies",
                columns: new[] { "UnitId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SheetReplies_UnitId_StepId",
                table: "SheetReplies",
                columns: new[] { "UnitId", "StepId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_SheetReplies_ReplyId",
                table: "Evidence",
                column: "ReplyId",
                principalTable: "SheetReplies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_SheetReplies_ReplyId",
                table: "Evidence");

            migrationBuilder.DropTable(
                name: "Instructions");

            migrationBuilder.DropTable(
                name: "SheetReplies");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_ReplyId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_EscalationSteps_UnitId_Step_Id",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "ReplyId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "AcknowledgedById",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "IssuedById",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "Message",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "ReplyDueBy",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "EscalationSteps");

            migrationBuilder.DropColumn(
                name: "State",
                table: "EscalationSteps");
        }
    }
}
