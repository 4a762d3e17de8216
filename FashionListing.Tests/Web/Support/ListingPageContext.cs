using FashionListing.Inference.Taxonomy;
using FashionListing.Inference.Imaging;
using Bunit;
using Bunit.TestDoubles;
using System.Security.Claims;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Similarity;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using FashionListing.Web.Moderation;
using FashionListing.Web.Photos;
using FashionListing.Web.Studies;
using FashionListing.Web.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MudBlazor;
using MudBlazor.Services;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// A bUnit context with the app's real data, photo and taxonomy services on a temporary folder, and a
/// stub suggester; the database is migrated before the first render. A seller (<see cref="Seller"/>) is signed
/// in through bUnit's authorization double, which only tests use.
/// </summary>
public sealed class ListingPageContext : BunitContext
{
    public const string SellerId = "seller-under-test";

    public const string ModeratorId = "moderator-under-test";

    private readonly TempFolder _folder = new();
    private readonly BunitAuthorizationContext _authorization;

    /// <param name="suggester">Answers the pages' uploads.</param>
    /// <param name="maxUploadBytes">Photos:MaxUploadBytes.</param>
    /// <param name="configureServices">Replaces services or settings after the context's own registrations.</param>
    public ListingPageContext(
        IListingSuggester suggester,
        long maxUploadBytes = 1024 * 1024,
        Action<IServiceCollection>? configureServices = null)
    {
        Suggester = suggester;
        JSInterop.Mode = JSRuntimeMode.Loose;

        // The full suite runs test classes side by side on two cores, so renders can take longer than
        // bUnit's one-second default wait.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = "data",
                ["Storage:ConnectionString"] = "Data Source=listings.db",
                ["Photos:MaxUploadBytes"] = maxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        Services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = _folder.Path });
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddMudServices();
        Services.AddListingData(configuration);
        Services.AddPhotoStorage(configuration);
        Services.AddOptions<PhotoLimits>().Bind(configuration.GetSection(PhotoLimits.SectionName));
        FashionpediaTaxonomy taxonomy = FashionpediaTaxonomy.LoadDefault();
        Services.AddSingleton(taxonomy);
        Services.AddSingleton(StarterLabelMap.LoadDefault(taxonomy));
        Services.AddTaxonomyCatalog();
        Services.AddStudies();
        Services.AddModeration(configuration);
        Services.AddSingleton(suggester);
        Services.AddSingleton<SuggestionAvailability>();
        Services.AddSingleton<IPhotoEmbedder>(Embedder);
        _authorization = AddAuthorization();
        _authorization.SetAuthorized("seller@sellers.test");
        _authorization.SetRoles(AccountRoles.Seller);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, SellerId));
        configureServices?.Invoke(Services);
        Services.MigrateListingDatabase();
        Popovers = Render<MudPopoverProvider>();
    }

    /// <summary>The signed-in seller, as the draft service sees them.</summary>
    public ListingViewer Seller { get; } = new(SellerId, IsSeller: true, IsModerator: false);

    /// <summary>A moderator, as the draft service and the queue see them.</summary>
    public ListingViewer Moderator { get; } = new(ModeratorId, IsSeller: false, IsModerator: true);

    /// <summary>Signs <see cref="Moderator"/> in instead of the seller, for the pages rendered next.</summary>
    public void SignInAsModerator()
    {
        _authorization.SetAuthorized("moderator@fashionlisting.test");
        _authorization.SetRoles(AccountRoles.Moderator);
        _authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, ModeratorId));
    }

    /// <summary>Stores a photo uploaded by the signed-in seller, as a draft needs one of theirs.</summary>
    public Task<Guid> StorePhotoAsync() =>
        Services.GetRequiredService<PhotoStore>()
            .SaveAsync(TestPhotos.Jpeg(SkiaSharp.SKColors.Teal), SellerId, CancellationToken.None);

    /// <summary>Where MudBlazor renders the open lists of selects and autocompletes.</summary>
    public IRenderedComponent<MudPopoverProvider> Popovers { get; }

    public IListingSuggester Suggester { get; }

    /// <summary>The embedder behind the photo store, which a test can make fail.</summary>
    public TestPhotoEmbedder Embedder { get; } = new();

    public SteppingTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    public string PhotosFolder => Services.GetRequiredService<StoragePaths>().PhotosFolder;

    /// <summary>
    /// Waits (real time, up to 10 s) until the pages' autosave has stored a card that <paramref name="match"/>
    /// accepts, and returns it; the stores run a moment after the last change.
    /// </summary>
    public Task<AutosavedEdit> WaitForAutosaveAsync(Func<AutosavedEdit, bool> match) =>
        Eventually.FoundAsync(
            async () =>
            {
                await using ListingDbContext db = CreateDbContext();
                List<AutosavedEdit> cards = await db.AutosavedEdits.AsNoTracking().ToListAsync();
                return (cards.FirstOrDefault(match), string.Join(" | ", cards.Select(c => c.CardJson)));
            },
            TimeSpan.FromSeconds(10),
            "No autosaved card matched");

    public ListingDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContext();

    // MudBlazor's services are only asynchronously disposable, so the context must be disposed with await.
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _folder.Dispose();
    }
}
