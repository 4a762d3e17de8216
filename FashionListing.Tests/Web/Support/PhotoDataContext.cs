using FashionListing.Inference.Similarity;
using FashionListing.Tests.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Moderation;
using FashionListing.Web.Photos;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// The app's data, photo and moderation services on a temporary folder with a migrated database, around a
/// given embedder (the real backbone one, or <see cref="TestPhotoEmbedder"/>); no web host, so the start-up
/// backfill runs only when a test calls it.
/// </summary>
public sealed class PhotoDataContext : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public PhotoDataContext(IPhotoEmbedder embedder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Dictionary<string, string?> all = new()
        {
            ["Storage:DataFolder"] = "data",
            ["Storage:ConnectionString"] = "Data Source=listings.db",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        ServiceCollection services = new();
        services.AddLogging();
        services.AddSingleton<ILogger<PhotoEmbeddingIndex>>(IndexLog);
        services.AddSingleton<ILogger<PhotoEmbeddingBackfill>>(BackfillLog);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder.Path });
        services.AddSingleton(embedder);
        services.AddListingData(configuration);
        services.AddPhotoStorage(configuration);
        services.AddModeration(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
        _services.MigrateListingDatabase();
    }

    public IServiceProvider Services => _services;

    public CapturingLogger<PhotoEmbeddingIndex> IndexLog { get; } = new();

    public CapturingLogger<PhotoEmbeddingBackfill> BackfillLog { get; } = new();

    public PhotoStore Photos => _services.GetRequiredService<PhotoStore>();

    public SimilarPhotoFinder Finder => _services.GetRequiredService<SimilarPhotoFinder>();

    public PhotoEmbeddingBackfill Backfill => _services.GetRequiredService<PhotoEmbeddingBackfill>();

    public string PhotosFolder => _services.GetRequiredService<StoragePaths>().PhotosFolder;

    public static ListingViewer Moderator { get; } = new("moderator-1", IsSeller: false, IsModerator: true);

    public static ListingViewer Seller(string id) => new(id, IsSeller: true, IsModerator: false);

    public ListingDbContext CreateDbContext() =>
        _services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContext();

    /// <summary>Stores the photo as the seller's and saves a draft with it, as the pages do; returns its id.</summary>
    public async Task<Guid> SaveDraftAsync(string sellerId, string title, byte[] jpeg)
    {
        Guid photoId = await Photos.SaveAsync(jpeg, sellerId, CancellationToken.None);

        return await SaveDraftAsync(sellerId, title, photoId);
    }

    /// <summary>Saves a draft with an already stored photo of the seller's; returns the draft's id.</summary>
    public Task<Guid> SaveDraftAsync(string sellerId, string title, Guid? photoId)
    {
        ListingDraft draft = new()
        {
            Mode = ListingMode.Manual,
            Title = title,
            Condition = ItemCondition.Good,
            Price = 15m,
            PhotoId = photoId,
        };

        return _services.GetRequiredService<ListingDraftService>().SaveNewAsync(draft, Seller(sellerId));
    }

    /// <summary>Adds an account row, so that the seller's email can be looked up.</summary>
    public async Task AddUserAsync(string id, string email)
    {
        await using ListingDbContext context = CreateDbContext();
        context.Users.Add(new IdentityUser { Id = id, UserName = email, Email = email });
        await context.SaveChangesAsync();
    }

    /// <summary>A small real JPEG of one flat colour.</summary>
    public static byte[] FlatJpeg(SKColor colour) => TestPhotos.Jpeg(colour);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
