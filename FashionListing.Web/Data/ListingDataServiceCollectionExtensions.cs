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
        services.AddSingleton<FashionListing.Web.Moderation.ModerationQueueService>();

        return services;
    }

    /// <summary>Creates the data folder and brings the database up to the latest migration.</summary>
    public static void MigrateListingDatabase(this IServiceProvider services)
    {
        Directory.CreateDirectory(services.GetRequiredService<StoragePaths>().DataFolder);
        using var context = services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContext();
        context.Database.Migrate();
    }
}
