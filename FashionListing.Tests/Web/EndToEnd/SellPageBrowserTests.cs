using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// The sell page in a real browser (Debian's chromium) against the app on Kestrel, with a stub suggester:
/// checks what bUnit cannot, i.e. the file input, MudBlazor's script and styles, and the overlay's placement.
/// </summary>
public sealed class SellPageBrowserTests : BrowserTestHost
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IListingSuggester>(new StubListingSuggester(TestPhotos.TopAndJeans()));

    [Fact]
    public async Task Sell_UploadEditAndSave_DraftStoredAndOverlayCoversThePhoto()
    {
        IPage page = await NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(BaseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.jpg",
            MimeType = "image/jpeg",
            Buffer = TestPhotos.Jpeg(SKColors.Red),
        });
        await page.Locator("[data-testid=suggestions]").WaitForAsync();
        await page.Locator("input[data-testid=title]").FillAsync("Burgundy top from the browser");
        await page.Locator("div.mud-input-control:has(input[data-testid=condition])").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Good" }).ClickAsync();
        await page.Locator("input[data-testid=price]").FillAsync("30");
        await page.Locator("input[data-testid=price]").PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "fashionlisting-sell.png") });

        var photoBox = await page.Locator("[data-testid=garment-photo] img:not(.garment-photo__overlay)")
            .BoundingBoxAsync();
        var overlayBox = await page.Locator("[data-testid=garment-overlay]").BoundingBoxAsync();
        Assert.NotNull(photoBox);
        Assert.NotNull(overlayBox);
        Assert.Equal(photoBox.X, overlayBox.X, 0.5);
        Assert.Equal(photoBox.Y, overlayBox.Y, 0.5);
        Assert.Equal(photoBox.Width, overlayBox.Width, 0.5);
        Assert.Equal(photoBox.Height, overlayBox.Height, 0.5);
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<ListingDbContext>>();
        await using ListingDbContext db = await contexts.CreateDbContextAsync();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal("Burgundy top from the browser", draft.Title);
        Assert.Equal(ItemCondition.Good, draft.Condition);
        Assert.Equal(30m, draft.Price);
        Assert.Equal(ListingMode.Automated, draft.Mode);
    }

    [Fact]
    public async Task Sell_CircuitPausedAndResumed_CardAndPhotoComeBack()
    {
        IPage page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.jpg",
            MimeType = "image/jpeg",
            Buffer = TestPhotos.Jpeg(SKColors.Red),
        });
        await page.Locator("[data-testid=suggestions]").WaitForAsync();
        await page.Locator("input[data-testid=title]").FillAsync("Edited before the connection dropped");
        await page.Locator("input[data-testid=title]").PressAsync("Tab");
        string photoSrc = (await page.Locator("[data-testid=garment-photo] img").First.GetAttributeAsync("src"))!;

        // Pausing ends the circuit on the server as an eviction would; resuming starts a new one from the
        // persisted state, which is what the reconnect dialog does when the old circuit is gone.
        Assert.True(await page.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"));
        Assert.True(await page.EvaluateAsync<bool>("() => Blazor.resumeCircuit()"));

        await page.Locator("[data-testid=restored]").WaitForAsync();
        string title = await page.Locator("input[data-testid=title]").InputValueAsync();
        Assert.Equal("Edited before the connection dropped", title);
        Assert.Equal(photoSrc, await page.Locator("[data-testid=garment-photo] img").First.GetAttributeAsync("src"));
        Assert.Equal("burgundy and white", await page.Locator("input[data-testid=colour]").InputValueAsync());
    }
}
