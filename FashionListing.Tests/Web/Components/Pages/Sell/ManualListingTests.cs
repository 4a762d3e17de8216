using Bunit;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using ManualPage = FashionListing.Web.Components.Pages.Sell.ManualListing;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

public sealed class ManualListingTests
{
    [Fact]
    public async Task Upload_PhotoAnalysed_ShowsPhotoButNoSuggestion()
    {
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        await using var context = new ListingPageContext(new StubListingSuggester(analysed));
        var page = context.Render<ManualPage>();

        Upload(page);

        Assert.Single(page.FindAll("[data-testid=garment-photo] img"));
        Assert.Empty(page.FindAll("[data-testid=garment-overlay]"));
        Assert.Empty(page.FindAll("[data-testid=category-chip]"));
        Assert.Empty(page.FindAll("[data-testid=attributes] .mud-chip"));
        Assert.Null(page.Find("input[data-testid=title]").GetAttribute("value"));
    }

    [Fact]
    public async Task SaveDraft_ValidCard_WritesManualRowWithoutSuggestion()
    {
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        await using var context = new ListingPageContext(new StubListingSuggester(analysed));
        var page = context.Render<ManualPage>();
        Upload(page);
        page.Find("input[data-testid=title]").Input("Red wool scarf");
        page.Find("input[data-testid=brand]").Input("Uniqlo");
        SellTests.FillConditionAndPrice(page, "New with tags", "12");

        page.Find("form[data-testid=listing-card]").Submit();

        page.WaitForElement("[data-testid=saved]");
        await using ListingDbContext db = context.CreateDbContext();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal(ListingMode.Manual, draft.Mode);
        Assert.Equal("Red wool scarf", draft.Title);
        Assert.Equal("Uniqlo", draft.Brand);
        Assert.Equal(ItemCondition.NewWithTags, draft.Condition);
        Assert.Equal(12m, draft.Price);
        Assert.Null(draft.SuggestionJson);
        Assert.Empty(draft.Attributes);
        var suggester = (StubListingSuggester)context.Suggester;
        Assert.Equal((0, 1), (suggester.Calls, suggester.CleanCalls));
        string stored = Path.Combine(context.PhotosFolder, draft.PhotoId!.Value.ToString("D") + ".jpg");
        Assert.Equal(analysed.Photo.Jpeg, await File.ReadAllBytesAsync(stored));
    }

    [Fact]
    public async Task SaveDraft_NoPhoto_AsksForAPhotoAndWritesNothing()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<ManualPage>();
        page.Find("input[data-testid=title]").Input("Red wool scarf");
        SellTests.FillConditionAndPrice(page, "Good", "8");

        page.Find("form[data-testid=listing-card]").Submit();

        string message = page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim();
        Assert.Equal("Add a photo before saving the draft.", message);
        await using ListingDbContext db = context.CreateDbContext();
        Assert.Equal(0, await db.Drafts.CountAsync());
    }

    private static void Upload(IRenderedComponent<ManualPage> page)
    {
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestPhotos.Jpeg(SKColors.Red), "photo.jpg", contentType: "image/jpeg"));
        page.WaitForState(() => page.FindAll("[data-testid=analysing]").Count == 0);
    }
}
