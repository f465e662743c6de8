using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneActionOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => x.Id);
                });

            // Before the one-pending indexes: simultaneous requests may already have left several pending
            // on one task. The earliest stays pending; the later ones are withdrawn (3), saying why.
            // Startup records each withdrawal in the record (DuplicateRequests), so verify stays intact.
            foreach (var table in new[] { "ExtensionRequests", "CompletionRequests" })
            {
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "Status" = 3, "DecisionNote" = '升级时撤回：与同一任务较早的一份待审核申请重复'
                    WHERE "Status" = 0 AND EXISTS (SELECT 1 FROM "{table}" AS earlier
                        WHERE earlier."UnitId" = "{table}"."UnitId" AND earlier."TaskId" = "{table}"."TaskId" AND earlier."Status" = 0 AND earlier."Id" < "{table}"."Id")
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_OnePending",
                table: "ExtensionRequests",
                columns: new[] { "UnitId", "TaskId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_CompletionRequests_OnePending",
                table: "CompletionRequests",
                columns: new[] { "UnitId", "TaskId" },
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_CreatedAt",
                table: "IdempotentRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_UnitId_PersonId_Key",
                table: "IdempotentRequests",
                columns: new[] { "UnitId", "PersonId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropIndex(
                name: "IX_ExtensionRequests_OnePending",
                table: "ExtensionRequests");

            migrationBuilder.DropIndex(
                name: "IX_CompletionRequests_OnePending",
                table: "CompletionRequests");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Tasks");
        }
    }
}
