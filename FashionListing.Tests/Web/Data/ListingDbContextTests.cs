using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Tests.Web.Data;

public sealed class ListingDbContextTests
{
    [Fact]
    public void Migrate_EmptyDatabaseFile_CreatesTheDraftsTableAndLeavesNoPendingModelChanges()
    {
        using var folder = new TempFolder();
        using ListingDbContext context = Create(Path.Combine(folder.Path, "listings.db"), TimeProvider.System);

        context.Database.Migrate();

        Assert.Empty(context.Database.GetPendingMigrations());
        Assert.Contains("20261204082636_InitialCreate", context.Database.GetAppliedMigrations());
        Assert.False(context.Database.HasPendingModelChanges());
        Assert.Equal(0, context.Drafts.Count());
    }

    [Fact]
    public async Task SaveChanges_NewDraft_StoresPriceAsWholeCentsAndStampsTimes()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "listings.db");
        var clock = new SteppingTimeProvider(new DateTimeOffset(2026, 12, 4, 8, 30, 0, TimeSpan.Zero));
        await using (ListingDbContext context = Create(file, clock))
        {
            await context.Database.MigrateAsync();
            context.Drafts.Add(new ListingDraft
            {
                Id = Guid.NewGuid(),
                Title = "Linen shirt",
                Condition = ItemCondition.Fair,
                Price = 1234.56m,
                Attributes = ["wrist-length", "classic (t-shirt)"],
            });
            await context.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT PriceCents, typeof(PriceCents), Condition, CreatedUtc, Attributes FROM ListingDrafts";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(123456L, reader.GetInt64(0));
        Assert.Equal("integer", reader.GetString(1));
        Assert.Equal("Fair", reader.GetString(2));
        Assert.Equal("2026-12-04 08:30:00", reader.GetString(3));
        Assert.Equal("[\"wrist-length\",\"classic (t-shirt)\"]", reader.GetString(4));
    }

    private static ListingDbContext Create(string file, TimeProvider clock) =>
        new(new DbContextOptionsBuilder<ListingDbContext>().UseSqlite($"Data Source={file}").Options, clock);
}
