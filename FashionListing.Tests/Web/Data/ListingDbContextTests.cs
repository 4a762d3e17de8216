using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task Migrate_DraftSavedBeforeAccounts_KeptWithNoOwnerForModeratorsOnly()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "listings.db");
        Guid id = Guid.NewGuid();
        await using (ListingDbContext context = Create(file, TimeProvider.System))
        {
            await context.GetService<IMigrator>().MigrateAsync("20261204082636_InitialCreate");
            string storedId = id.ToString("D").ToUpperInvariant();
            await context.Database.ExecuteSqlAsync($"""
                INSERT INTO ListingDrafts
                    (Id, CreatedUtc, UpdatedUtc, Mode, Title, Attributes, Condition, PriceCents, Currency)
                VALUES ({storedId}, '2026-12-01 10:00:00', '2026-12-01 10:00:00', 'Manual', 'Old wool scarf', '[]',
                    'Good', 1500, 'SGD')
                """);
        }

        await using (ListingDbContext context = Create(file, TimeProvider.System))
        {
            await context.Database.MigrateAsync();
        }

        await using ServiceProvider services = DraftServices(file);
        var drafts = services.GetRequiredService<ListingDraftService>();
        var moderator = new ListingViewer("moderator-1", IsSeller: false, IsModerator: true);
        var seller = new ListingViewer("seller-1", IsSeller: true, IsModerator: false);
        ListingDraft? seen = await drafts.FindAsync(id, moderator, CancellationToken.None);
        Assert.NotNull(seen);
        Assert.Null(seen.OwnerId);
        Assert.Equal("Old wool scarf", seen.Title);
        Assert.Equal(15m, seen.Price);
        Assert.Single(await drafts.ListAsync(moderator, CancellationToken.None));
        Assert.Null(await drafts.FindAsync(id, seller, CancellationToken.None));
        Assert.Empty(await drafts.ListAsync(seller, CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_DraftsFromBeforeTheLifeCycle_BecomeDraftsEachWithAVersionOfItsOwn()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "listings.db");
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];
        await using (ListingDbContext context = Create(file, TimeProvider.System))
        {
            await context.GetService<IMigrator>().MigrateAsync("20261204115419_AddAccounts");
            foreach (Guid id in ids)
            {
                string storedId = id.ToString("D").ToUpperInvariant();
                await context.Database.ExecuteSqlAsync($"""
                    INSERT INTO ListingDrafts
                        (Id, OwnerId, CreatedUtc, UpdatedUtc, Mode, Title, Attributes, Condition, PriceCents, Currency)
                    VALUES ({storedId}, 'seller-1', '2026-12-02 10:00:00', '2026-12-02 10:00:00', 'Manual',
                        'Old wool scarf', '[]', 'Good', 1500, 'SGD')
                    """);
            }
        }

        await using (ListingDbContext context = Create(file, TimeProvider.System))
        {
            await context.Database.MigrateAsync();
        }

        await using ServiceProvider services = DraftServices(file);
        var drafts = services.GetRequiredService<ListingDraftService>();
        var seller = new ListingViewer("seller-1", IsSeller: true, IsModerator: false);
        ListingDraft first = (await drafts.FindAsync(ids[0], seller, CancellationToken.None))!;
        ListingDraft second = (await drafts.FindAsync(ids[1], seller, CancellationToken.None))!;
        Assert.Equal((ListingStatus.Draft, ListingStatus.Draft), (first.Status, second.Status));
        Assert.NotEqual(Guid.Empty, first.Version);
        Assert.NotEqual(first.Version, second.Version);
        Assert.Null(first.SubmittedUtc);
        first.Title = "Old wool scarf, washed";
        var saved = Assert.IsType<ListingWriteResult.Written>(
            await drafts.SaveAsync(first, seller, CancellationToken.None));
        Assert.NotEqual(first.Version, saved.Version);
    }

    private static ServiceProvider DraftServices(string file)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<ListingDbContext>(options => options.UseSqlite($"Data Source={file}"));
        services.AddSingleton<ListingDraftService>();

        return services.BuildServiceProvider();
    }

    private static ListingDbContext Create(string file, TimeProvider clock) =>
        new(new DbContextOptionsBuilder<ListingDbContext>().UseSqlite($"Data Source={file}").Options, clock);
}
