using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FashionListing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddStudyKeptCard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeptCardJson",
                table: "StudyTasks",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "KeptCardJson",
                table: "StudyTasks");
        }
    }
}
