using FashionListing.Tests.Support;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FashionListing.Tests.Web.Listings;

/// <summary>
/// A model whose files are missing or broken does not take the site down: it starts, says in the log and on
/// the sell page that suggestions are unavailable, and photos and listings by hand keep working.
/// </summary>
public sealed class ModelUnavailableTests
{
    private const string SellerEmail = "no-model@sellers.test";

    [Fact]
    public async Task Start_ModelFolderMissing_StartsAndLogsThatSuggestionsAreUnavailable()
    {
        using var missing = new TempFolder();
        var log = new CollectingLoggerProvider();
        using var host = new AppTestHost(
            settings: new Dictionary<string, string?> { ["Inference:ModelFolder"] = Path.Combine(missing.Path, "none") },
            configureServices: services => services.AddSingleton<ILoggerProvider>(log));
        using HttpClient client = host.NewClient();

        using HttpResponseMessage signIn = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.True(signIn.IsSuccessStatusCode);
        Assert.False(host.Services.GetRequiredService<SuggestionAvailability>().IsAvailable);
        LogEntry entry = Assert.Single(log.Entries, e => e.Message.StartsWith("Suggestions are unavailable", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("model.json", entry.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SellPage_CategoryHeadCorrupt_SaysSuggestionsAreUnavailable()
    {
        using var model = CorruptStarterModel();
        using var host = new AppTestHost(
            settings: new Dictionary<string, string?> { ["Inference:ModelFolder"] = model.Path });
        await host.CreateAccountAsync(AccountRoles.Seller, SellerEmail);
        using HttpClient seller = await host.SignedInClientAsync(SellerEmail);

        string page = await seller.GetStringAsync(new Uri("/sell", UriKind.Relative));

        Assert.Contains("data-testid=\"suggestions-unavailable\"", page, StringComparison.Ordinal);
        Assert.Contains("Automatic suggestions are unavailable", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AcceptAsync_CategoryHeadCorrupt_StoresTheCleanedPhotoWithoutSuggestions(bool suggest)
    {
        using var model = CorruptStarterModel();
        using var host = new AppTestHost(
            settings: new Dictionary<string, string?> { ["Inference:ModelFolder"] = model.Path });
        string sellerId = await host.CreateAccountAsync(AccountRoles.Seller, SellerEmail);
        var intake = host.Services.GetRequiredService<PhotoIntake>();

        PhotoIntakeResult result = await intake.AcceptAsync(
            TestPhotos.Jpeg(SKColors.Navy), suggest, sellerId, CancellationToken.None);

        var accepted = Assert.IsType<PhotoIntakeResult.Accepted>(result);
        Assert.Empty(accepted.Analysed.Garments);
        Assert.True(File.Exists(Path.Combine(host.DataFolder, "photos", $"{accepted.PhotoId:D}.jpg")));
    }

    [Fact]
    public void Start_CategoryHeadCorruptAndTheModelRequired_RefusesToStart()
    {
        using var model = CorruptStarterModel();
        using var host = new AppTestHost(settings: new Dictionary<string, string?>
        {
            ["Inference:ModelFolder"] = model.Path,
            ["Inference:RequireModel"] = "true",
        });

        Exception refused = Record.Exception(() => host.NewClient().Dispose());

        Assert.NotNull(refused);
        Assert.Contains("category-head.onnx", refused.ToString(), StringComparison.Ordinal);
    }

    // The committed starter model with its category head replaced by bytes that are not an ONNX graph.
    private static TempFolder CorruptStarterModel()
    {
        var folder = new TempFolder();
        string starter = Path.Combine(AppContext.BaseDirectory, "models", "starter");
        foreach (string file in Directory.GetFiles(starter))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        File.WriteAllBytes(Path.Combine(folder.Path, "category-head.onnx"), "not an ONNX model"u8.ToArray());

        return folder;
    }
}
