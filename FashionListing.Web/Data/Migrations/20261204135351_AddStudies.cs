using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FashionListing.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddStudies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Studies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstructionsA = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    InstructionsB = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OrderRule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OrderSeed = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxSecondsFirstTask = table.Column<double>(type: "REAL", nullable: true),
                    MaxSecondsSecondTask = table.Column<double>(type: "REAL", nullable: true),
                    ExcludeSkipped = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskSus = table.Column<bool>(type: "INTEGER", nullable: false),
                    SharedToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ParticipantCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Studies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StudyParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ViaSharedLink = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvitedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Preference = table.Column<int>(type: "INTEGER", nullable: true),
                    SusA = table.Column<string>(type: "TEXT", nullable: true),
                    SusB = table.Column<string>(type: "TEXT", nullable: true),
                    QuestionnaireUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyParticipants_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyPhotos_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FieldEdits = table.Column<string>(type: "TEXT", nullable: false),
                    KeptSuggestions = table.Column<string>(type: "TEXT", nullable: false),
                    SuggestionJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyTasks_StudyParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "StudyParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StudyListings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Brand = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PriceCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyListings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudyListings_StudyTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "StudyTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Studies_SharedToken",
                table: "Studies",
                column: "SharedToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyListings_TaskId",
                table: "StudyListings",
                column: "TaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyParticipants_StudyId_Index",
                table: "StudyParticipants",
                columns: new[] { "StudyId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyParticipants_Token",
                table: "StudyParticipants",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyPhotos_StudyId_Position",
                table: "StudyPhotos",
                columns: new[] { "StudyId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StudyTasks_ParticipantId_Position",
                table: "StudyTasks",
                columns: new[] { "ParticipantId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudyListings");

            migrationBuilder.DropTable(
                name: "StudyPhotos");

            migrationBuilder.DropTable(
                name: "StudyTasks");

            migrationBuilder.DropTable(
                name: "StudyParticipants");

            migrationBuilder.DropTable(
                name: "Studies");
        }
    }
}
