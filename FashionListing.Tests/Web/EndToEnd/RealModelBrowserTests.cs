using FashionListing.Tests.Support;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// What a seller does, in a real browser against the app with its real starter model: upload a real
/// photo, see the mask and the chips, accept the filled card, add price and condition, save.
/// </summary>
public sealed class RealModelBrowserTests : BrowserTestHost
{
    // A T-shirt photographed by one of the category head's test senders (never seen in training).
    private const string TShirtPhoto = "534cb9e4-658e-48a9-a9d9-365149ee52e8";

    [Fact]
    public async Task Sell_RealTShirtPhoto_ChipsOfferTShirtAndTheSavedDraftKeepsTheSuggestion()
    {
        IPage page = await NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(BaseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(SharedData.ClothingPhoto(TShirtPhoto));
        await page.Locator("[data-testid=suggestions]").WaitForAsync();
        IReadOnlyList<string> categoryChips = await page.Locator("[data-testid=category-chip]").AllInnerTextsAsync();
        int colourChips = await page.Locator("[data-testid=colour-chip]").CountAsync();
        string title = await page.Locator("input[data-testid=title]").InputValueAsync();
        await ChooseConditionAsync(page, "Like new");
        await page.Locator("input[data-testid=price]").FillAsync("12.50");
        await page.Locator("input[data-testid=price]").PressAsync("Tab");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "fashionlisting-real-model.png") });

        Assert.Equal(3, categoryChips.Count);
        Assert.Contains(categoryChips, chip => chip.Contains("T-shirt", StringComparison.OrdinalIgnoreCase));
        Assert.True(colourChips >= 1, "no colour chip was shown");
        Assert.False(string.IsNullOrWhiteSpace(title), "the title was not filled from the suggestion");
        Assert.Equal(1, await page.Locator("[data-testid=garment-overlay]").CountAsync());
        var contexts = Factory.Services.GetRequiredService<IDbContextFactory<ListingDbContext>>();
        await using ListingDbContext db = await contexts.CreateDbContextAsync();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal(title, draft.Title);
        Assert.Equal(12.50m, draft.Price);
        Assert.NotNull(draft.SuggestionJson);
        Assert.Contains("T-Shirt", draft.SuggestionJson, StringComparison.Ordinal);
    }
}
