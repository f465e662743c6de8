using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Luoshi.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "RobotWebhooks",
                type: "character varying(1500)",
                maxLength: 1500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Secret",
                table: "RobotWebhooks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UrlKey",
                table: "RobotWebhooks",
                type: "character varying(64)",
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

            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "RobotWebhooks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1500)",
                oldMaxLength: 1500);

            migrationBuilder.AlterColumn<string>(
                name: "Secret",
                table: "RobotWebhooks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RobotWebhooks_UnitId_Url",
                table: "RobotWebhooks",
                columns: new[] { "UnitId", "Url" },
                unique: true);
        }
    }
}
