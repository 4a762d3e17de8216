using Bunit;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Components.Pages.Drafts;
using FashionListing.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using DraftsPage = FashionListing.Web.Components.Pages.Drafts.Drafts;
using ManualPage = FashionListing.Web.Components.Pages.Sell.ManualListing;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

/// <summary>
/// Cards kept while the seller types, and brought back by the page's address (a reload renders the page
/// again with the same <c>?edit=</c>); drafts being edited again come back by their own address.
/// </summary>
public sealed class AutosaveTests : IAsyncDisposable
{
    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Sell_TitleTyped_KeptAndNamedInTheAddress()
    {
        var page = _context.Render<SellPage>();
        SellTests.Upload(page, TestPhotos.Jpeg(SKColors.Red));

        page.Find("input[data-testid=title]").Input("Kept while typing");

        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => ListingFormModel.FromJson(e.CardJson).Title == "Kept while typing");
        Assert.Equal(AutosavePage.Sell, kept.Page);
        Assert.True(kept.HasUnsavedChanges);
        Assert.NotNull(kept.PhotoId);
        Assert.NotNull(kept.SuggestionJson);
        Assert.Null(kept.DraftId);
        page.WaitForAssertion(() => Assert.Contains(
            _context.JSInterop.Invocations,
            call => call.Identifier == "replaceAddress"
                && call.Arguments[0] is string url
                && url.EndsWith("?edit=" + kept.Id.ToString("D"), StringComparison.Ordinal)));
        page.WaitForAssertion(() => Assert.Equal(
            "Saved",
            page.Find("[data-testid=autosave-status]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task Sell_ReopenedByTheAddress_CardPhotoAndSuggestionComeBackAndSaveAsOneDraft()
    {
        var first = _context.Render<SellPage>();
        SellTests.Upload(first, TestPhotos.Jpeg(SKColors.Red));
        first.Find("input[data-testid=title]").Input("Kept while typing");
        first.Find("input[data-testid=brand]").Input("Mango");
        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => e.CardJson.Contains("Mango", StringComparison.Ordinal));

        var reopened = RenderAt<SellPage>(kept.Id);

        reopened.WaitForElement("[data-testid=autosave-restored]");
        Assert.Equal("Kept while typing", reopened.Find("input[data-testid=title]").GetAttribute("value"));
        Assert.Equal("Mango", reopened.Find("input[data-testid=brand]").GetAttribute("value"));
        reopened.WaitForElement("[data-testid=suggestions]");
        Assert.Single(reopened.FindAll("[data-testid=garment-photo] img:not(.garment-photo__overlay)"));
        SellTests.FillConditionAndPrice(reopened, "Good", "15");
        reopened.Find("form[data-testid=listing-card]").Submit();
        reopened.WaitForElement("[data-testid=saved]");
        await using ListingDbContext db = _context.CreateDbContext();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal(("Kept while typing", "Mango"), (draft.Title, draft.Brand));
        Assert.Equal((kept.PhotoId, kept.SuggestionJson), (draft.PhotoId, draft.SuggestionJson));
        AutosavedEdit afterSave = await db.AutosavedEdits.AsNoTracking().SingleAsync(e => e.Id == kept.Id);
        Assert.False(afterSave.HasUnsavedChanges);
        Assert.Equal(draft.Id, afterSave.DraftId);
    }

    [Fact]
    public async Task Sell_ReopenedAfterPickingTheSecondGarment_PhotoAnalysedAgainAroundTheCardAsLeft()
    {
        var first = _context.Render<SellPage>();
        SellTests.Upload(first, TestPhotos.Jpeg(SKColors.Red));
        first.FindAll("[data-testid=garment-chip]")[1].Click();
        first.Find("input[data-testid=title]").Input("Grey jeans, my own words");
        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => e.CardJson.Contains("my own words", StringComparison.Ordinal));
        var suggester = (StubListingSuggester)_context.Suggester;
        int callsBefore = suggester.Calls;

        var reopened = RenderAt<SellPage>(kept.Id);

        reopened.WaitForAssertion(() => Assert.Equal(
            "true",
            reopened.FindAll("[data-testid=garment-chip]")[1].GetAttribute("aria-pressed")));
        Assert.Equal(callsBefore + 1, suggester.Calls);
        Assert.Equal("Grey jeans, my own words", reopened.Find("input[data-testid=title]").GetAttribute("value"));
        Assert.Equal("Trousers", reopened.Find("input[data-testid=category]").GetAttribute("value"));
        Assert.Empty(reopened.FindAll("[data-testid=restored]"));
        Assert.Equal(2, reopened.FindAll("[data-testid=garment-overlay]").Count);
        await using ListingDbContext db = _context.CreateDbContext();
        Assert.Equal(1, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task Sell_ReopenedWithTheSuggestedColour_ColourChipsComeBackWithTheirSwatches()
    {
        var first = _context.Render<SellPage>();
        SellTests.Upload(first, TestPhotos.Jpeg(SKColors.Red));
        string[] chips = ColourChips(first);
        first.Find("input[data-testid=title]").Input("Kept with its colours");
        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => e.CardJson.Contains("Kept with its colours", StringComparison.Ordinal));

        var reopened = RenderAt<SellPage>(kept.Id);

        reopened.WaitForAssertion(() => Assert.Equal(chips, ColourChips(reopened)));
        Assert.NotEmpty(chips);
        Assert.Equal(chips.Length, reopened.FindAll("[data-testid=colour-chip] .colour-swatch").Count);
    }

    [Fact]
    public async Task Sell_ReopenedWithAColourTyped_OneChipWithTheTypedColour()
    {
        var first = _context.Render<SellPage>();
        SellTests.Upload(first, TestPhotos.Jpeg(SKColors.Red));
        first.Find("input[data-testid=colour]").Input("wine red");
        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => ListingFormModel.FromJson(e.CardJson).Colour == "wine red");

        var reopened = RenderAt<SellPage>(kept.Id);

        reopened.WaitForAssertion(() => Assert.Equal(["wine red"], ColourChips(reopened)));
        Assert.Empty(reopened.FindAll("[data-testid=colour-chip] .colour-swatch"));
    }

    private static string[] ColourChips(IRenderedComponent<SellPage> page) =>
        [.. page.FindAll("[data-testid=colour-chip]").Select(c => c.TextContent.Trim())];

    [Fact]
    public async Task Sell_OpenedInASecondTab_StoresNothingSoTheFirstTabKeepsItsCard()
    {
        var first = _context.Render<SellPage>();
        SellTests.Upload(first, TestPhotos.Jpeg(SKColors.Red));
        first.Find("input[data-testid=title]").Input("Typed in the first tab");
        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => e.CardJson.Contains("first tab", StringComparison.Ordinal));

        // The stored photo is a re-encoded JPEG, so the model run again gives slightly other probabilities.
        PhotoAnalysed again = TestPhotos.TopAndJeans();
        GarmentSuggestion top = again.Garments[0];
        ((StubListingSuggester)_context.Suggester).AnswerFromNowOn(again with
        {
            Garments =
            [
                top with { Categories = [top.Categories[0] with { Probability = 0.61f }, .. top.Categories.Skip(1)] },
                .. again.Garments.Skip(1),
            ],
        });
        var second = RenderAt<SellPage>(kept.Id);
        second.WaitForElement("[data-testid=suggestions]");
        await Task.Delay(2500);

        await using ListingDbContext db = _context.CreateDbContext();
        AutosavedEdit after = await db.AutosavedEdits.AsNoTracking().SingleAsync();
        Assert.Equal((kept.Id, kept.Version), (after.Id, after.Version));
    }

    [Fact]
    public async Task Sell_SavedThenEditedAgain_SaysTheChangesAreNotInTheDraftYet()
    {
        var page = _context.Render<SellPage>();
        SellTests.Upload(page, TestPhotos.Jpeg(SKColors.Red));
        SellTests.FillConditionAndPrice(page, "Good", "15");
        page.Find("form[data-testid=listing-card]").Submit();
        page.WaitForElement("[data-testid=saved]");

        page.Find("input[data-testid=title]").Input("Changed after the save");

        page.WaitForElement("[data-testid=saved-earlier]");
        Assert.Empty(page.FindAll("[data-testid=saved]"));
    }

    [Fact]
    public async Task Sell_AddressOfAnotherSellersCard_StartsEmptyAndSaysSo()
    {
        var theirs = new AutosavedEdit
        {
            Id = Guid.NewGuid(),
            Page = AutosavePage.Sell,
            CardJson = new ListingFormModel { Title = "Someone else's" }.ToJson(),
            HasUnsavedChanges = true,
        };
        var other = new FashionListing.Web.Accounts.ListingViewer("other-seller", IsSeller: true, IsModerator: false);
        await _context.Services.GetRequiredService<AutosaveService>().StoreAsync(theirs, other, default);

        var page = RenderAt<SellPage>(theirs.Id);

        var notice = page.WaitForElement("[data-testid=autosave-restored]");
        Assert.Contains(ListingMessages.NothingToRestore, notice.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Find("input[data-testid=title]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("")]
    public void Sell_MalformedEditInTheAddress_OpensAnEmptyPage(string edit)
    {
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("sell?edit=" + edit);

        var page = _context.Render<SellPage>();

        Assert.Null(page.Find("input[data-testid=title]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=autosave-restored]"));
    }

    [Fact]
    public async Task Manual_ReopenedByTheAddress_CardAndPhotoComeBack()
    {
        var first = _context.Render<ManualPage>();
        first.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestPhotos.Jpeg(SKColors.Red), "photo.jpg", contentType: "image/jpeg"));
        first.WaitForState(() => first.FindAll("[data-testid=analysing]").Count == 0);
        first.Find("textarea[data-testid=description]").Input("Worn twice, no marks");
        AutosavedEdit kept = await _context.WaitForAutosaveAsync(
            e => e.CardJson.Contains("Worn twice", StringComparison.Ordinal));

        var reopened = RenderAt<ManualPage>(kept.Id);

        reopened.WaitForElement("[data-testid=autosave-restored]");
        Assert.Equal(AutosavePage.Manual, kept.Page);
        Assert.Equal("Worn twice, no marks", reopened.Find("textarea[data-testid=description]").TextContent);
        Assert.Single(reopened.FindAll("[data-testid=garment-photo] img"));
    }

    [Fact]
    public async Task DraftEdit_UnsavedEditsOfTheDraft_BroughtBackAndDiscardable()
    {
        Guid id = await SavedDraftAsync();
        var first = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        first.WaitForElement("form[data-testid=listing-card]");
        first.Find("input[data-testid=title]").Input("Burgundy top, barely worn");
        await _context.WaitForAutosaveAsync(e => e.CardJson.Contains("barely worn", StringComparison.Ordinal));

        var reopened = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        reopened.WaitForElement("[data-testid=autosave-restored]");
        Assert.Equal("Burgundy top, barely worn", reopened.Find("input[data-testid=title]").GetAttribute("value"));
        reopened.Find("[data-testid=discard-restored]").Click();

        reopened.WaitForAssertion(() => Assert.Equal(
            "Burgundy long-sleeve top",
            reopened.Find("input[data-testid=title]").GetAttribute("value")));
        await using ListingDbContext db = _context.CreateDbContext();
        Assert.False(await db.AutosavedEdits.AnyAsync(e => e.HasUnsavedChanges));
    }

    [Fact]
    public async Task DraftEdit_RefusedAsChangedElsewhereThenReloaded_EditsComeBackAndSaveOverTheNewVersion()
    {
        Guid id = await SavedDraftAsync();
        var firstTab = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        var secondTab = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        firstTab.WaitForElement("input[data-testid=title]").Input("Burgundy top from tab one");
        firstTab.Find("form[data-testid=listing-card]").Submit();
        firstTab.WaitForElement("[data-testid=saved]");
        secondTab.WaitForElement("input[data-testid=title]").Input("Burgundy top from tab two");
        secondTab.Find("form[data-testid=listing-card]").Submit();
        secondTab.WaitForElement("[data-testid=conflict]");
        await _context.WaitForAutosaveAsync(e => e.CardJson.Contains("tab two", StringComparison.Ordinal));

        var reloaded = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        var notice = reloaded.WaitForElement("[data-testid=autosave-restored]");
        Assert.Contains("only the fields you changed here", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Both changed the title", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("Burgundy top from tab two", reloaded.Find("input[data-testid=title]").GetAttribute("value"));
        reloaded.Find("form[data-testid=listing-card]").Submit();

        reloaded.WaitForElement("[data-testid=saved]");
        await using ListingDbContext db = _context.CreateDbContext();
        Assert.Equal("Burgundy top from tab two", (await db.Drafts.SingleAsync()).Title);
        Assert.False(await db.AutosavedEdits.AnyAsync(e => e.HasUnsavedChanges));
    }

    [Fact]
    public async Task DraftEdit_TwoTabsEachWithUnsavedChanges_ReopenedPageShowsOneAndPointsToTheOther()
    {
        Guid id = await SavedDraftAsync();
        var firstTab = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        var secondTab = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        firstTab.WaitForElement("input[data-testid=brand]").Input("Brand from tab one");
        secondTab.WaitForElement("input[data-testid=size]").Input("Size from tab two");
        await _context.WaitForAutosaveAsync(e => e.CardJson.Contains("tab one", StringComparison.Ordinal));
        await _context.WaitForAutosaveAsync(e => e.CardJson.Contains("tab two", StringComparison.Ordinal));

        var reopened = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));

        var notice = reopened.WaitForElement("[data-testid=autosave-restored]");
        Assert.Contains(
            "Other unsaved changes of this draft, made in another tab, are under Not saved yet",
            notice.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftEdit_SubmittedInAnotherTabWhileTyping_StatusSaysTheChangesCannotBeKept()
    {
        Guid id = await SavedDraftAsync();
        var typing = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        var submitting = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        submitting.WaitForElement("form[data-testid=listing-card]");
        submitting.Find("[data-testid=submit-for-review]").Click();
        submitting.WaitForElement("[data-testid=read-only]");

        typing.WaitForElement("input[data-testid=brand]").Input("Typed after the other tab submitted");

        typing.WaitForAssertion(
            () => Assert.Equal(
                "ListingClosed",
                typing.Find("[data-testid=autosave-status]").GetAttribute("data-status")),
            TimeSpan.FromSeconds(10));
        Assert.Contains(
            "submitted for review in another tab",
            typing.Find("[data-testid=autosave-status]").TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftEdit_OpenedWithoutChanges_StoresNothing()
    {
        Guid id = await SavedDraftAsync();

        var page = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        page.WaitForElement("form[data-testid=listing-card]");
        await Task.Delay(1500);

        await using ListingDbContext db = _context.CreateDbContext();
        Assert.Equal(0, await db.AutosavedEdits.CountAsync());
    }

    [Fact]
    public async Task DraftEdit_SubmittedAfterTheEdits_ShowsTheListingAndDropsThem()
    {
        Guid id = await SavedDraftAsync();
        var first = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        first.WaitForElement("form[data-testid=listing-card]");
        first.Find("input[data-testid=title]").Input("Edit that comes too late");
        await _context.WaitForAutosaveAsync(e => e.CardJson.Contains("too late", StringComparison.Ordinal));
        await first.Instance.DisposeAsync();
        var service = _context.Services.GetRequiredService<ListingDraftService>();
        ListingDraft stored = (await service.FindAsync(id, _context.Seller, default))!;
        Assert.IsType<ListingWriteResult.Written>(await service.SubmitAsync(stored, _context.Seller, default));

        var reopened = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));

        var notice = reopened.WaitForElement("[data-testid=autosave-restored]");
        Assert.Contains(
            "were not applied: the listing is waiting for review",
            notice.TextContent,
            StringComparison.Ordinal);
        Assert.Empty(reopened.FindAll("[data-testid=discard-restored]"));
        await using ListingDbContext db = _context.CreateDbContext();
        Assert.Equal(0, await db.AutosavedEdits.CountAsync());
    }

    [Theory]
    [InlineData(AutosaveService.MaxCardsPerSeller - 1, false)]
    [InlineData(AutosaveService.MaxCardsPerSeller, true)]
    public async Task Drafts_UnfinishedCardsAtTheMost_SaysTheOldestGoesNext(int cards, bool warned)
    {
        AutosaveService store = _context.Services.GetRequiredService<AutosaveService>();
        for (int i = 0; i < cards; i++)
        {
            var card = new AutosavedEdit
            {
                Id = Guid.NewGuid(),
                Page = AutosavePage.Manual,
                CardJson = new ListingFormModel { Title = $"Unfinished card {i}" }.ToJson(),
                HasUnsavedChanges = true,
            };
            await store.StoreAsync(card, _context.Seller, default);
        }

        var page = _context.Render<DraftsPage>();

        page.WaitForAssertion(() => Assert.Equal(cards, page.FindAll("[data-testid=unfinished-row]").Count));
        Assert.Equal(warned, page.FindAll("[data-testid=unfinished-full]").Count == 1);
    }

    [Fact]
    public async Task Drafts_UnfinishedCard_ListedWithContinueAndDiscardedOnlyOnceConfirmed()
    {
        var card = new AutosavedEdit
        {
            Id = Guid.NewGuid(),
            Page = AutosavePage.Manual,
            CardJson = new ListingFormModel { Title = "Wool coat, half described" }.ToJson(),
            HasUnsavedChanges = true,
        };
        await _context.Services.GetRequiredService<AutosaveService>().StoreAsync(card, _context.Seller, default);

        var page = _context.Render<DraftsPage>();

        var row = page.WaitForElement("[data-testid=unfinished-row]");
        Assert.Contains("Wool coat, half described", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            "manual?edit=" + card.Id.ToString("D"),
            row.QuerySelector("[data-testid=continue-unfinished]")!.GetAttribute("href"));
        row.QuerySelector("[data-testid=discard-unfinished]")!.Click();
        await using (ListingDbContext before = _context.CreateDbContext())
        {
            Assert.Equal(1, await before.AutosavedEdits.CountAsync());
        }

        page.Find("[data-testid=confirm-discard]").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=unfinished-row]")));
        await using ListingDbContext db = _context.CreateDbContext();
        Assert.Equal(0, await db.AutosavedEdits.CountAsync());
    }

    // As a reload does: the page rendered afresh at an address that names the card.
    private IRenderedComponent<TPage> RenderAt<TPage>(Guid editId)
        where TPage : IComponent
    {
        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("edit", editId));

        return _context.Render<TPage>();
    }

    private async Task<Guid> SavedDraftAsync()
    {
        var service = _context.Services.GetRequiredService<ListingDraftService>();
        var draft = new ListingDraft
        {
            Mode = ListingMode.Automated,
            Title = "Burgundy long-sleeve top",
            Condition = ItemCondition.Good,
            Price = 25m,
            PhotoId = await _context.StorePhotoAsync(),
            SuggestionJson = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 0).ToJson(),
        };

        return await service.SaveNewAsync(draft, _context.Seller);
    }
}
