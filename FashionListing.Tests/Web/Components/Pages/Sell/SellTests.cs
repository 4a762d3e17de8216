using AngleSharp.Dom;
using Bunit;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

public sealed class SellTests
{
    private static readonly byte[] s_upload = TestPhotos.Jpeg(SKColors.Red);

    [Fact]
    public async Task Upload_PhotoAnalysed_ShowsPhotoOverlayChipsAndFilledCard()
    {
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        await using var context = new ListingPageContext(new StubListingSuggester(analysed));
        var page = context.Render<SellPage>();

        Upload(page, s_upload);

        var stub = (StubListingSuggester)context.Suggester;
        Assert.Equal(s_upload, stub.LastPhoto);
        string photoSrc = page.Find("[data-testid=garment-photo] img").GetAttribute("src")!;
        Assert.Matches("^/photos/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", photoSrc);
        string storedFile = Path.Combine(context.PhotosFolder, photoSrc["/photos/".Length..] + ".jpg");
        Assert.Equal(analysed.Photo.Jpeg, await File.ReadAllBytesAsync(storedFile));
        Assert.Equal(
            analysed.Garments.Select(g => "data:image/png;base64," + Convert.ToBase64String(g.OverlayPng)),
            page.FindAll("[data-testid=garment-overlay]").Select(o => o.GetAttribute("src")));
        Assert.Equal(
            ["Long-sleeve top 82%", "Shirt 12%", "Hoodie 3%"],
            page.FindAll("[data-testid=category-chip]").Select(c => c.TextContent.Trim()));
        Assert.Equal(
            ["burgundy 71%", "white 21%"],
            page.FindAll("[data-testid=colour-chip]").Select(c => c.TextContent.Trim()));
        Assert.Equal("Burgundy long-sleeve top", page.Find("input[data-testid=title]").GetAttribute("value"));
        Assert.Equal("Long-sleeve top", page.Find("input[data-testid=category]").GetAttribute("value"));
        Assert.Equal("burgundy and white", page.Find("input[data-testid=colour]").GetAttribute("value"));
        Assert.Equal(["classic (t-shirt) 64%", "wrist-length 91%"], AttributeChips(page));
        string description = page.Find("textarea[data-testid=description]").TextContent;
        Assert.Contains("wrist-length sleeves", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveAttributeChip_ChipClosed_AttributeLeavesTheCard()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        AttributeChip(page, "classic (t-shirt)").QuerySelector(".mud-chip-close-button")!.Click();

        Assert.Equal(["wrist-length 91%"], AttributeChips(page));
        Assert.Equal(["wrist-length"], page.FindComponent<ListingCard>().Instance.Model.Attributes);
    }

    [Fact]
    public async Task AddAttribute_PickedFromTaxonomy_AppearsAsChipOnTheCard()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.Find("input[data-testid=add-attribute]").Input("hood");
        var item = context.Popovers.WaitForElements(".mud-list-item")
            .Single(i => i.TextContent.Trim() == "hoodie (nickname)");
        item.Click();

        page.WaitForAssertion(() =>
            Assert.Equal(["classic (t-shirt) 64%", "wrist-length 91%", "hoodie"], AttributeChips(page)));
    }

    [Fact]
    public async Task ChangeCategory_PickedFromTaxonomy_CardUsesIt()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.Find("input[data-testid=category]").Input("cardi");
        context.Popovers.WaitForElements(".mud-list-item").Single(i => i.TextContent.Trim() == "cardigan").Click();

        page.WaitForAssertion(() => Assert.Equal("cardigan", page.FindComponent<ListingCard>().Instance.Model.Category));
    }

    [Fact]
    public async Task EditTitle_SellerTypes_CardHoldsTheNewTitle()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.Find("input[data-testid=title]").Input("Vintage burgundy top, worn twice");

        Assert.Equal("Vintage burgundy top, worn twice", page.FindComponent<ListingCard>().Instance.Model.Title);
    }

    [Fact]
    public async Task SaveDraft_ValidCard_WritesRowWithPhotoAndSuggestionJson()
    {
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        await using var context = new ListingPageContext(new StubListingSuggester(analysed));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("Burgundy top, size M");
        FillConditionAndPrice(page, "Like new", "25.50");

        page.Find("form[data-testid=listing-card]").Submit();

        page.WaitForElement("[data-testid=saved]");
        await using ListingDbContext db = context.CreateDbContext();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal(ListingMode.Automated, draft.Mode);
        Assert.Equal("Burgundy top, size M", draft.Title);
        Assert.Equal("Long-sleeve top", draft.Category);
        Assert.Equal("burgundy and white", draft.Colour);
        Assert.Equal(["classic (t-shirt)", "wrist-length"], draft.Attributes);
        Assert.Equal(ItemCondition.LikeNew, draft.Condition);
        Assert.Equal(25.50m, draft.Price);
        Assert.Equal("SGD", draft.Currency);
        Assert.Equal(context.Clock.GetUtcNow().UtcDateTime, draft.CreatedUtc);
        string photoSrc = page.Find("[data-testid=garment-photo] img").GetAttribute("src")!;
        Assert.Equal(photoSrc, "/photos/" + draft.PhotoId!.Value.ToString("D"));
        SuggestionSnapshot snapshot = SuggestionSnapshot.FromJson(draft.SuggestionJson)!;
        Assert.Equal(0, snapshot.SelectedGarment);
        Assert.Equal(2, snapshot.Garments.Count);
        Assert.Equal([0.82f, 0.12f, 0.03f], snapshot.Garments[0].Categories.Select(c => c.Probability));
        Assert.Equal("Burgundy long-sleeve top", snapshot.Garments[0].Title);
        Assert.Equal([117, 0], snapshot.Garments[0].Attributes.Select(a => a.AttributeId).Order().Reverse());
        Assert.Equal(["#800020", "#FFFFFF"], snapshot.Garments[0].Colours.Select(c => c.Hex));
        string? link = page.Find("[data-testid=saved] a").GetAttribute("href");
        Assert.Equal("drafts/" + draft.Id.ToString("D"), link);
    }

    [Fact]
    public async Task SaveDraft_NoConditionOrPrice_ShowsValidationAndWritesNothing()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("Top");

        page.Find("form[data-testid=listing-card]").Submit();

        Assert.Contains("The title must be 5 to 80 characters long.", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Choose the item's condition.", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Set a price.", page.Markup, StringComparison.Ordinal);
        await using ListingDbContext db = context.CreateDbContext();
        Assert.Equal(0, await db.Drafts.CountAsync());
    }

    [Fact]
    public async Task OutlineChip_OneGarmentClickedTwice_HidesThenShowsItsOverlay()
    {
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        analysed = analysed with { Garments = [analysed.Garments[0]] };
        await using var context = new ListingPageContext(new StubListingSuggester(analysed));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.Find("[data-testid=outline-chip]").Click();
        string? afterHiding = page.Find("[data-testid=garment-overlay]").GetAttribute("data-emphasis");
        page.Find("[data-testid=outline-chip]").Click();

        Assert.Equal("hidden", afterHiding);
        Assert.Equal("normal", page.Find("[data-testid=garment-overlay]").GetAttribute("data-emphasis"));
    }

    [Fact]
    public async Task CategoryChip_Clicked_RewritesTheSeedTextAndImpliedDetailsForTheNewLabel()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.FindAll("[data-testid=category-chip]")[1].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        page.WaitForAssertion(() => Assert.Equal("Shirt", card.Category));
        Assert.Equal("Burgundy shirt", card.Title);
        Assert.Equal("Shirt in burgundy (71%) and white (21%).", card.Description);
        Assert.Empty(card.Attributes);
    }

    [Fact]
    public async Task CategoryChip_ClickedAfterTheSellerEditedTheTitle_KeepsTheSellersTitle()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("My favourite burgundy jumper");

        page.FindAll("[data-testid=category-chip]")[1].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        page.WaitForAssertion(() => Assert.Equal("Shirt", card.Category));
        Assert.Equal("My favourite burgundy jumper", card.Title);
    }

    [Fact]
    public async Task CategoryChip_Clicked_SetsTheCardCategory()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.FindAll("[data-testid=category-chip]")[1].Click();

        page.WaitForAssertion(() => Assert.Equal("Shirt", page.FindComponent<ListingCard>().Instance.Model.Category));
    }

    [Fact]
    public async Task ColourChips_OneRemovedOneAdded_CardColourFollows()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.FindAll("[data-testid=colour-chip]")[1].QuerySelector(".mud-chip-close-button")!.Click();
        page.Find("input[data-testid=new-colour]").Input("navy");
        page.Find("[data-testid=add-colour]").Click();

        Assert.Equal(
            ["burgundy 71%", "navy"],
            page.FindAll("[data-testid=colour-chip]").Select(c => c.TextContent.Trim()));
        Assert.Equal("burgundy and navy", page.FindComponent<ListingCard>().Instance.Model.Colour);
    }

    [Fact]
    public async Task ColourChips_ThirdAdded_CardColourNamesOnlyTheFirstTwo()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        Upload(page, s_upload);

        page.Find("input[data-testid=new-colour]").Input("navy");
        page.Find("[data-testid=add-colour]").Click();

        Assert.Equal(3, page.FindAll("[data-testid=colour-chip]").Count);
        Assert.Equal("burgundy and white", page.FindComponent<ListingCard>().Instance.Model.Colour);
    }

    [Fact]
    public async Task Upload_PhotoRejected_ShowsTheRejectionMessage()
    {
        var rejected = new PhotoRejected(PhotoRejectionReason.TooManyPixels, "The photo is 61 MP; the limit is 50 MP.");
        await using var context = new ListingPageContext(new StubListingSuggester(rejected));
        var page = context.Render<SellPage>();

        Upload(page, s_upload);

        string message = page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim();
        Assert.Equal("The photo is 61 MP; the limit is 50 MP.", message);
        Assert.Empty(page.FindAll("[data-testid=garment-photo]"));
        Assert.False(Directory.Exists(context.PhotosFolder) && Directory.EnumerateFiles(context.PhotosFolder).Any());
        Assert.NotNull(page.Find("form[data-testid=listing-card]"));
    }

    [Fact]
    public async Task Upload_SuggesterThrows_ShowsAnalysisFailedMessage()
    {
        await using var context = new ListingPageContext(
            new StubListingSuggester(new InvalidOperationException("ONNX session failed")));
        var page = context.Render<SellPage>();

        Upload(page, s_upload);

        string message = page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim();
        Assert.Equal(PhotoIntake.AnalysisFailedMessage, message);
        Assert.DoesNotContain("ONNX", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_FileOverTheLimit_ShowsSizeAndLimitWithoutAnalysing()
    {
        var stub = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = new ListingPageContext(stub, maxUploadBytes: 1000);
        var page = context.Render<SellPage>();

        // 1,500 bytes is 1500 / 1024 = 1.46 KB, shown to one decimal.
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(new byte[1500], "big.jpg", contentType: "image/jpeg"));

        Assert.Equal(
            "The photo is 1.5 KB; the limit is 1000 bytes. Choose a smaller photo.",
            page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim());
        Assert.Equal(0, stub.Calls);
    }

    [Fact]
    public async Task Upload_AfterTooLargeFile_FileAtTheLimitIsAnalysed()
    {
        var stub = new StubListingSuggester(TestPhotos.TopAndJeans());
        await using var context = new ListingPageContext(stub, maxUploadBytes: 1000);
        var page = context.Render<SellPage>();
        Upload(page, new byte[1001]);

        Upload(page, new byte[1000]);

        Assert.Equal(1, stub.Calls);
        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.NotEmpty(page.FindAll("[data-testid=suggestions]"));
    }

    internal static void Upload(IRenderedComponent<SellPage> page, byte[] photo)
    {
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(photo, "photo.jpg", contentType: "image/jpeg"));
        page.WaitForState(() => page.FindAll("[data-testid=analysing]").Count == 0);
    }

    // The chip's container, not the chip: a clickable chip is a <button> holding the close <button>, which an
    // HTML parser (unlike the browser's DOM built by Blazor) splits into siblings.
    private static IElement AttributeChip(IRenderedComponent<SellPage> page, string name) =>
        page.FindAll("[data-testid=attributes] .mud-chip-container")
            .Single(c => c.TextContent.Trim().StartsWith(name, StringComparison.Ordinal));

    internal static string[] AttributeChips(IRenderedComponent<SellPage> page) =>
        [.. page.FindAll("[data-testid=attributes] .mud-chip").Select(c => c.TextContent.Trim())];

    internal static void FillConditionAndPrice<T>(
        IRenderedComponent<T> page,
        string condition,
        string price)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        ChooseCondition(page, condition);
        // The price field takes each keystroke (so that autosave keeps a price still being typed).
        page.Find("input[data-testid=price]").Input(price);
    }

    /// <summary>Clicks the condition radio button labelled <paramref name="condition"/>.</summary>
    internal static void ChooseCondition<T>(IRenderedComponent<T> page, string condition)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.FindAll("[data-testid=condition] label")
            .Single(label => label.TextContent.Trim() == condition)
            .QuerySelector("input")!
            .Click();
}
