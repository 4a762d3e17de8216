using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FashionListing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAutosavedEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AutosavedEdits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DraftVersion = table.Column<Guid>(type: "TEXT", nullable: true),
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SuggestionJson = table.Column<string>(type: "TEXT", nullable: true),
                    CardJson = table.Column<string>(type: "TEXT", nullable: false),
                    HasUnsavedChanges = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutosavedEdits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AutosavedEdits_DraftId",
                table: "AutosavedEdits",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_AutosavedEdits_OwnerId_HasUnsavedChanges_UpdatedUtc",
                table: "AutosavedEdits",
                columns: new[] { "OwnerId", "HasUnsavedChanges", "UpdatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AutosavedEdits");
        }
    }
}
