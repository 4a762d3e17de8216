using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FashionListing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAutosaveVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BaseCardJson",
                table: "AutosavedEdits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "AutosavedEdits",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BaseCardJson",
                table: "AutosavedEdits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AutosavedEdits");
        }
    }
}
