using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SourceDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceDocumentId",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceEnd",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceStart",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedById = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SourceDocuments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SourceDocumentId",
                table: "Tasks",
                column: "SourceDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SourceDocuments_UnitId_UploadedAt",
                table: "SourceDocuments",
                columns: new[] { "UnitId", "UploadedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_SourceDocuments_SourceDocumentId",
                table: "Tasks",
                column: "SourceDocumentId",
                principalTable: "SourceDocuments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_SourceDocuments_SourceDocumentId",
                table: "Tasks");

            migrationBuilder.DropTable(
                name: "SourceDocuments");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_SourceDocumentId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SourceDocumentId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SourceEnd",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "SourceStart",
                table: "Tasks");
        }
    }
}
