using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FashionListing.Web.Data;

public static class ListingDataServiceCollectionExtensions
{
    /// <summary>Registers the SQLite database of listing drafts, the draft service and the moderators' queue.</summary>
    public static IServiceCollection AddListingData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<StoragePaths>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<ListingDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<StoragePaths>().ConnectionString));
        services.AddSingleton<ListingDraftService>();
        services.AddSingleton<AutosaveService>();
        services.AddSingleton<FashionListing.Web.Listings.OpenCards>();
        services.AddOptions<FashionListing.Web.Listings.AutosaveOptions>()
            .Bind(configuration.GetSection(FashionListing.Web.Listings.AutosaveOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<FashionListing.Web.Moderation.ModerationQueueService>();

        return services;
    }

    /// <summary>
    /// Creates the data folder, brings the database up to the latest migration and puts it in write-ahead-log
    /// mode.
    /// </summary>
    /// <remarks>
    /// With the write-ahead log a transaction is committed once its pages are appended to the log, so a process
    /// killed in the middle of a save leaves the database as it was before that save, with every earlier save in
    /// it; readers also no longer block the writer. EF Core creates new databases in this mode, but a database
    /// file made by another tool, or restored from a copy, may still use the rollback journal, and the mode is
    /// stored in the file, so it is set here on every start. Writers still take turns: Microsoft.Data.Sqlite
    /// retries a statement that finds the database busy until the command timeout (30 s by default), so
    /// concurrent saves wait rather than fail with "database is locked".
    /// </remarks>
    public static void MigrateListingDatabase(this IServiceProvider services)
    {
        Directory.CreateDirectory(services.GetRequiredService<StoragePaths>().DataFolder);
        using var context = services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContext();
        context.Database.Migrate();

        // An in-memory database has no log file and answers "memory"; that is fine for tests.
        var connection = context.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        string mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
        if (mode is not "wal" and not "memory")
        {
            throw new InvalidOperationException(
                $"The database could not be switched to write-ahead logging; SQLite kept the journal mode \"{mode}\".");
        }
    }
}
