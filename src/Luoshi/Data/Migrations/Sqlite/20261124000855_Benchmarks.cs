using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Benchmarks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Scoreboards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    BenchmarkCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scoreboards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scoreboards_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorTasks",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreboardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTasks", x => new { x.UnitId, x.ScoreboardId, x.Indicator, x.TaskId });
                    table.ForeignKey(
                        name: "FK_IndicatorTasks_Scoreboards_ScoreboardId",
                        column: x => x.ScoreboardId,
                        principalTable: "Scoreboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorTasks_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreboardNode",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreboardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Parent = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    IsIndicator = table.Column<bool>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureUnit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Denominator = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StandardValue = table.Column<double>(type: "REAL", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreboardNode", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreboardNode_Scoreboards_ScoreboardId",
                        column: x => x.ScoreboardId,
                        principalTable: "Scoreboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreboardUnit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreboardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreboardUnit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreboardUnit_Scoreboards_ScoreboardId",
                        column: x => x.ScoreboardId,
                        principalTable: "Scoreboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreboardValue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreboardId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Variable = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EnteredById = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreboardValue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreboardValue_Scoreboards_ScoreboardId",
                        column: x => x.ScoreboardId,
                        principalTable: "Scoreboards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_ScoreboardId",
                table: "IndicatorTasks",
                column: "ScoreboardId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_TaskId",
                table: "IndicatorTasks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardNode_ScoreboardId",
                table: "ScoreboardNode",
                column: "ScoreboardId");

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
                name: "IX_ScoreboardUnit_ScoreboardId",
                table: "ScoreboardUnit",
                column: "ScoreboardId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardUnit_UnitId_ScoreboardId_Code",
                table: "ScoreboardUnit",
                columns: new[] { "UnitId", "ScoreboardId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardValue_ScoreboardId",
                table: "ScoreboardValue",
                column: "ScoreboardId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreboardValue_UnitId_ScoreboardId_UnitCode_Variable_Year",
                table: "ScoreboardValue",
                columns: new[] { "UnitId", "ScoreboardId", "UnitCode", "Variable", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorTasks");

            migrationBuilder.DropTable(
                name: "ScoreboardNode");

            migrationBuilder.DropTable(
                name: "ScoreboardUnit");

            migrationBuilder.DropTable(
                name: "ScoreboardValue");

            migrationBuilder.DropTable(
                name: "Scoreboards");
        }
    }
}
