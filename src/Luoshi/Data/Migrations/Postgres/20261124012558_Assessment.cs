using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Luoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    MaxAdjustment = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    Grades = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefaultGrade = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IsLocked = table.Column<bool>(type: "boolean", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentAwards");

            migrationBuilder.DropTable(
                name: "QualityGrades");

            migrationBuilder.DropTable(
                name: "ScoreAdjustments");

            migrationBuilder.DropTable(
                name: "AssessmentSchemes");
        }
    }
}
