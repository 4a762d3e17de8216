using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// Autosave in a real browser: what the seller typed survives a reload of the page and a tab closed right
/// after typing, on the sell page and on a saved draft.
/// </summary>
public sealed class AutosaveBrowserTests : BrowserTestHost
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IListingSuggester>(new StubListingSuggester(TestPhotos.TopAndJeans()));

    [Fact]
    public async Task Sell_TypedThenReloaded_CardComesBackAndSavesAsADraft()
    {
        IPage page = await UploadAsync();
        await page.Locator("input[data-testid=title]").FillAsync("Burgundy top, typed before the reload");
        await page.Locator("textarea[data-testid=description]").FillAsync("Soft cotton, worn twice.");
        await ChooseConditionAsync(page, "Like new");

        // The price last, key by key, and the page reloaded with the cursor still in the box.
        // The status line may still say "Saved" from the condition when the last key is typed, so the wait is
        // for the stored card itself.
        await page.Locator("input[data-testid=price]").PressSequentiallyAsync("18.5", new() { Delay = 50 });
        await WaitForCardAsync(e => ListingFormModel.FromJson(e.CardJson).Price == 18.5m);
        await Assertions.Expect(page.Locator("[data-testid=autosave-status]"))
            .ToHaveAttributeAsync("data-status", "Saved");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/sell\?edit="));

        await page.ReloadAsync();

        await page.Locator("[data-testid=autosave-restored]").WaitForAsync();
        await page.Locator("[data-testid=listing-card-interactive][data-interactive=true]")
            .WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("input[data-testid=title]"))
            .ToHaveValueAsync("Burgundy top, typed before the reload");
        Assert.Equal(
            "Soft cotton, worn twice.",
            await page.Locator("textarea[data-testid=description]").InputValueAsync());
        await Assertions.Expect(ConditionRadio(page, "Like new")).ToBeCheckedAsync();
        Assert.Equal(
            1,
            await page.Locator("[data-testid=garment-photo] img:not(.garment-photo__overlay)").CountAsync());
        Assert.Equal("18.5", await page.Locator("input[data-testid=price]").InputValueAsync());
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.Locator("[data-testid=saved]").WaitForAsync();
        await using ListingDbContext db = await CreateDbContextAsync();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal(
            ("Burgundy top, typed before the reload", ItemCondition.LikeNew, 18.5m),
            (draft.Title, draft.Condition, draft.Price));
        Assert.NotNull(draft.SuggestionJson);
    }

    [Fact]
    public async Task Sell_ReloadedRightAfterTyping_TheLastKeysComeBack()
    {
        IPage page = await UploadAsync();
        ILocator title = page.Locator("input[data-testid=title]");
        await title.FillAsync("Burgundy top");
        await WaitForCardAsync(e => ListingFormModel.FromJson(e.CardJson).Title == "Burgundy top");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/sell\?edit="));

        // Reloaded well within the second autosave waits: only the page going away holds the last keys.
        await title.PressSequentiallyAsync(", size M");
        await page.ReloadAsync();

        await page.Locator("[data-testid=autosave-restored]").WaitForAsync();
        await Assertions.Expect(title).ToHaveValueAsync("Burgundy top, size M");
    }

    [Fact]
    public async Task Sell_TabClosedRightAfterTyping_CardListedUnderMyDrafts()
    {
        IPage page = await UploadAsync();
        await page.Locator("input[data-testid=title]").FillAsync("Typed just before closing the tab");

        await page.Context.CloseAsync();

        AutosavedEdit kept = await WaitForCardAsync(
            e => ListingFormModel.FromJson(e.CardJson).Title == "Typed just before closing the tab");
        Assert.True(kept.HasUnsavedChanges);
        IPage later = await NewPageAsync();
        await later.GotoAsync(BaseUrl + "/drafts");
        ILocator row = later.Locator("[data-testid=unfinished-row]");
        await Assertions.Expect(row).ToContainTextAsync("Typed just before closing the tab");
        await row.Locator("[data-testid=continue-unfinished]").ClickAsync();
        await Assertions.Expect(later.Locator("input[data-testid=title]"))
            .ToHaveValueAsync("Typed just before closing the tab");
    }

    [Fact]
    public async Task DraftEdit_TitleChangedThenReloaded_ChangeComesBackWithANotice()
    {
        Guid id = await SavedDraftAsync("Grey jeans, slim");
        IPage page = await NewPageAsync();
        await page.GotoAsync(BaseUrl + "/drafts/" + id.ToString("D"));
        await page.Locator("[data-testid=listing-card-interactive][data-interactive=true]")
            .WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("input[data-testid=title]").FillAsync("Grey jeans, slim, hemmed to 30");
        await WaitForCardAsync(e => ListingFormModel.FromJson(e.CardJson).Title == "Grey jeans, slim, hemmed to 30");
        await Assertions.Expect(page.Locator("[data-testid=autosave-status]"))
            .ToHaveAttributeAsync("data-status", "Saved");

        await page.ReloadAsync();

        await page.Locator("[data-testid=autosave-restored]").WaitForAsync();
        await Assertions.Expect(page.Locator("input[data-testid=title]"))
            .ToHaveValueAsync("Grey jeans, slim, hemmed to 30");
        await using ListingDbContext db = await CreateDbContextAsync();
        Assert.Equal("Grey jeans, slim", (await db.Drafts.SingleAsync()).Title);
    }

    private async Task<IPage> UploadAsync()
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

        return page;
    }

    private async Task<Guid> SavedDraftAsync(string title)
    {
        await using AsyncServiceScope scope = Factory.Services.CreateAsyncScope();
        IdentityUser user = (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>()
            .FindByEmailAsync(SellerEmail))!;
        var seller = new ListingViewer(user.Id, IsSeller: true, IsModerator: false);
        Guid photo = await Factory.Services.GetRequiredService<PhotoStore>()
            .SaveAsync(TestPhotos.Jpeg(SKColors.Gray), user.Id, CancellationToken.None);
        var draft = new ListingDraft
        {
            Mode = ListingMode.Manual,
            Title = title,
            Condition = ItemCondition.Good,
            Price = 30m,
            PhotoId = photo,
        };

        return await Factory.Services.GetRequiredService<ListingDraftService>().SaveNewAsync(draft, seller);
    }

    private Task<ListingDbContext> CreateDbContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContextAsync();

    // The stored card a second after the last change, or when the server ends a closed tab's circuit (which
    // follows the browser's goodbye).
    private Task<AutosavedEdit> WaitForCardAsync(Func<AutosavedEdit, bool> match) =>
        Eventually.FoundAsync(
            async () =>
            {
                await using ListingDbContext db = await CreateDbContextAsync();
                List<AutosavedEdit> cards = await db.AutosavedEdits.AsNoTracking().ToListAsync();
                return (cards.FirstOrDefault(match), string.Join(" | ", cards.Select(c => c.CardJson)));
            },
            TimeSpan.FromSeconds(30),
            "No kept card matched");
}
