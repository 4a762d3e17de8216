using Bunit;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Pages.Drafts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DraftsPage = FashionListing.Web.Components.Pages.Drafts.Drafts;

namespace FashionListing.Tests.Web.Components.Pages.Drafts;

public sealed class DraftsTests
{
    [Fact]
    public async Task Drafts_TwoSaved_ListsNewestFirstWithThumbnailTitleAndPrice()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        Guid photo = await context.StorePhotoAsync();
        Guid older = await service.SaveNewAsync(
            Draft("Older denim jacket", 40m, photo, null), context.Seller);
        context.Clock.Advance(TimeSpan.FromMinutes(5));
        Guid newer = await service.SaveNewAsync(
            Draft("Newer linen shirt", 19.9m, null, null), context.Seller);

        var page = context.Render<DraftsPage>();

        var rows = page.WaitForElements("[data-testid=draft-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Newer linen shirt", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("SGD 19.90", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("updated 2026-12-04 09:05 UTC", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("drafts/" + newer.ToString("D"), rows[0].GetAttribute("href"));
        Assert.Contains("Older denim jacket", rows[1].TextContent, StringComparison.Ordinal);
        string? thumbnail = rows[1].QuerySelector("img.draft-thumbnail")!.GetAttribute("src");
        Assert.Equal("/photos/" + photo.ToString("D"), thumbnail);
        Assert.Equal("drafts/" + older.ToString("D"), rows[1].GetAttribute("href"));
    }

    [Fact]
    public async Task DraftEdit_TitleChangedAndSaved_UpdatesRowAndTimestamp()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 0).ToJson();
        Guid id = await service.SaveNewAsync(
            Draft("Burgundy long-sleeve top", 25m, await context.StorePhotoAsync(), json),
            context.Seller);
        DateTime created = context.Clock.GetUtcNow().UtcDateTime;
        context.Clock.Advance(TimeSpan.FromHours(2));
        var page = context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        page.WaitForElement("form[data-testid=listing-card]");

        page.Find("input[data-testid=title]").Input("Burgundy top, barely worn");
        page.Find("form[data-testid=listing-card]").Submit();

        page.WaitForElement("[data-testid=saved]");
        await using ListingDbContext db = context.CreateDbContext();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal("Burgundy top, barely worn", draft.Title);
        Assert.Equal(created, draft.CreatedUtc);
        Assert.Equal(created.AddHours(2), draft.UpdatedUtc);
        Assert.Equal(json, draft.SuggestionJson);
        Assert.Equal(ListingMode.Automated, draft.Mode);
    }

    [Fact]
    public async Task DraftEdit_StoredSuggestion_ShownReadOnly()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson();
        Guid id = await service.SaveNewAsync(
            Draft("Grey jeans, slim", 30m, await context.StorePhotoAsync(), json), context.Seller);

        var page = context.Render<DraftEdit>(p => p.Add(d => d.Id, id));

        var summary = page.WaitForElement("[data-testid=suggestion-summary]");
        Assert.Contains("Title: Grey jeans", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trousers 77%", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("grey 88%", summary.TextContent, StringComparison.Ordinal);
        Assert.Empty(summary.QuerySelectorAll(".mud-chip-close-button"));
    }

    [Fact]
    public async Task DraftEdit_SecondOfTwoGarmentsListed_SummaryNamesItWithItsColour()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson();
        Guid id = await service.SaveNewAsync(
            Draft("Grey jeans, slim", 30m, await context.StorePhotoAsync(), json), context.Seller);

        var page = context.Render<DraftEdit>(p => p.Add(d => d.Id, id));

        var garment = page.WaitForElement("[data-testid=summary-garment]");
        string text = string.Join(' ', garment.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("2 For garment 2 of 2 in the photo (Trousers)", text);
        string? swatch = garment.QuerySelector(".garment-swatch")!.GetAttribute("style");
        Assert.StartsWith("background-color: #E65A14;", swatch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftEdit_OneGarmentListed_SummaryDoesNotNumberIt()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var service = context.Services.GetRequiredService<ListingDraftService>();
        var analysed = TestPhotos.TopAndJeans();
        string json = SuggestionSnapshot.From(analysed with { Garments = [analysed.Garments[0]] }, 0).ToJson();
        Guid id = await service.SaveNewAsync(
            Draft("Burgundy top", 30m, await context.StorePhotoAsync(), json), context.Seller);

        var page = context.Render<DraftEdit>(p => p.Add(d => d.Id, id));

        page.WaitForElement("[data-testid=suggestion-summary]");
        Assert.Empty(page.FindAll("[data-testid=summary-garment]"));
    }

    [Fact]
    public async Task DraftEdit_UnknownId_SaysTheDraftDoesNotExist()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));

        var page = context.Render<DraftEdit>(p => p.Add(d => d.Id, Guid.NewGuid()));

        string message = page.WaitForElement("[data-testid=missing]").TextContent;
        Assert.Contains("This draft does not exist.", message, StringComparison.Ordinal);
    }

    private static ListingDraft Draft(string title, decimal price, Guid? photoId, string? json) => new()
    {
        Mode = json is null ? ListingMode.Manual : ListingMode.Automated,
        Title = title,
        Condition = ItemCondition.Good,
        Price = price,
        PhotoId = photoId,
        SuggestionJson = json,
    };
}
