using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FashionListing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddListingLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RejectionNote",
                table: "ListingDrafts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "ListingDrafts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "ListingDrafts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Draft");

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedUtc",
                table: "ListingDrafts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ListingDrafts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Drafts saved before the life cycle existed are drafts, each with a version of its own: the column's
            // default is one shared zero value, so every row gets a random GUID, in the upper-case 8-4-4-4-12 text
            // form in which EF Core's SQLite provider writes and compares GUIDs.
            migrationBuilder.Sql("""
                UPDATE ListingDrafts SET Version =
                    hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-'
                    || hex(randomblob(2)) || '-' || hex(randomblob(6));
                """);

            migrationBuilder.CreateTable(
                name: "ListingStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListingStatusChanges_ListingDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ListingDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ListingDrafts_Status_SubmittedUtc",
                table: "ListingDrafts",
                columns: new[] { "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ListingStatusChanges_DraftId",
                table: "ListingStatusChanges",
                column: "DraftId");

            migrationBuilder.CreateIndex(
                name: "IX_ListingStatusChanges_To_ChangedUtc",
                table: "ListingStatusChanges",
                columns: new[] { "To", "ChangedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListingStatusChanges");

            migrationBuilder.DropIndex(
                name: "IX_ListingDrafts_Status_SubmittedUtc",
                table: "ListingDrafts");

            migrationBuilder.DropColumn(
                name: "RejectionNote",
                table: "ListingDrafts");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "ListingDrafts");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ListingDrafts");

            migrationBuilder.DropColumn(
                name: "SubmittedUtc",
                table: "ListingDrafts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ListingDrafts");
        }
    }
}
