using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RobotSecretsProtected : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RobotWebhooks_UnitId_Url",
                table: "RobotWebhooks");

            migrationBuilder.AddColumn<string>(
                name: "UrlKey",
                table: "RobotWebhooks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RobotWebhooks_UnitId_UrlKey",
                table: "RobotWebhooks",
                columns: new[] { "UnitId", "UrlKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RobotWebhooks_UnitId_UrlKey",
                table: "RobotWebhooks");

            migrationBuilder.DropColumn(
                name: "UrlKey",
                table: "RobotWebhooks");

            migrationBuilder.CreateIndex(
                name: "IX_RobotWebhooks_UnitId_Url",
                table: "RobotWebhooks",
                columns: new[] { "UnitId", "Url" },
                unique: true);
        }
    }
}
