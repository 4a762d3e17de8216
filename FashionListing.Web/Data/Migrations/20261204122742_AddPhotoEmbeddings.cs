using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FashionListing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddPhotoEmbeddings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PhotoEmbeddings",
                columns: table => new
                {
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Vector = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ComputedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhotoEmbeddings", x => new { x.PhotoId, x.Version });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhotoEmbeddings_Version",
                table: "PhotoEmbeddings",
                column: "Version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PhotoEmbeddings");
        }
    }
}
