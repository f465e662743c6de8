using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rectification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppealFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Satisfaction = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ById = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppealFollowUps_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmitterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Online = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstRepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_Appeals_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LeaderId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Problems_People_LeaderId",
                        column: x => x.LeaderId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Problems_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Opinions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmitterName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnteredById = table.Column<int>(type: "INTEGER", nullable: true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opinions_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opinions_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RectificationMeasures",
                columns: table => new
                {
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationMeasures", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_RectificationMeasures_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RectificationMeasures_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppealFollowUps_TaskId",
                table: "AppealFollowUps",
                column: "TaskId");

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
                name: "IX_Opinions_ProblemId",
                table: "Opinions",
                column: "ProblemId");

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
                name: "IX_Problems_LeaderId",
                table: "Problems",
                column: "LeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_UnitId_SortOrder",
                table: "Problems",
                columns: new[] { "UnitId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_ProblemId",
                table: "RectificationMeasures",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationMeasures_UnitId_ProblemId",
                table: "RectificationMeasures",
                columns: new[] { "UnitId", "ProblemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AppealFollowUps");

            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "Opinions");

            migrationBuilder.DropTable(
                name: "RectificationMeasures");

            migrationBuilder.DropTable(
                name: "Problems");
        }
    }
}
