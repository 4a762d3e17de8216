using Bunit;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Pages.Drafts;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ManualPage = FashionListing.Web.Components.Pages.Sell.ManualListing;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

/// <summary>
/// "Submit for review" on the card of /sell, /manual and /drafts/{id}, and the message a page shows when the
/// listing changed elsewhere since it loaded.
/// </summary>
public sealed class SubmitForReviewTests : IAsyncDisposable
{
    private static readonly byte[] s_upload = TestPhotos.Jpeg(SkiaSharp.SKColors.Red);

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    private ListingDraftService Drafts => _context.Services.GetRequiredService<ListingDraftService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Sell_SubmitWithoutSavingFirst_SavesAndSubmitsThenShowsTheListingReadOnly()
    {
        var page = _context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        SellTests.FillConditionAndPrice(page, "Good", "25");

        page.Find("[data-testid=submit-for-review]").Click();

        page.WaitForElement("[data-testid=status-banner][data-status=submitted]");
        Assert.Empty(page.FindAll("[data-testid=listing-card]"));
        Assert.Contains("Burgundy long-sleeve top", page.Find("[data-testid=draft-fields]").TextContent,
            StringComparison.Ordinal);
        ListingDraft stored = await SingleStoredAsync();
        Assert.Equal(ListingStatus.Submitted, stored.Status);
        Assert.Equal(25m, stored.Price);
        Assert.NotNull(stored.SuggestionJson);
    }

    [Fact]
    public async Task Sell_SubmitWithAnInvalidCard_ShowsTheMessagesAndSubmitsNothing()
    {
        var page = _context.Render<SellPage>();
        SellTests.Upload(page, s_upload);

        page.Find("[data-testid=submit-for-review]").Click();

        Assert.Contains("Set a price.", page.Markup, StringComparison.Ordinal);
        await using ListingDbContext db = _context.CreateDbContext();
        Assert.Equal(0, await db.Drafts.CountAsync());
    }

    [Fact]
    public async Task Manual_SaveThenSubmit_OneListingSubmitted()
    {
        var page = _context.Render<ManualPage>();
        page.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(s_upload, "photo.jpg", contentType: "image/jpeg"));
        page.WaitForState(() => page.FindAll("[data-testid=analysing]").Count == 0);
        page.Find("input[data-testid=title]").Input("Hand-knitted red scarf");
        SellTests.FillConditionAndPrice(page, "Like new", "15");
        page.Find("form[data-testid=listing-card]").Submit();
        page.WaitForElement("[data-testid=saved]");

        page.Find("[data-testid=submit-for-review]").Click();

        page.WaitForElement("[data-testid=status-banner][data-status=submitted]");
        ListingDraft stored = await SingleStoredAsync();
        Assert.Equal((ListingStatus.Submitted, ListingMode.Manual), (stored.Status, stored.Mode));
    }

    [Fact]
    public async Task DraftEdit_RejectedListingFixedAndSubmitted_WaitsAgainWithoutTheReason()
    {
        Guid id = await RejectedAsync("Grey jeans");
        var page = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        string reason = page.WaitForElement("[data-testid=rejection-reason]").TextContent.Trim();
        page.Find("input[data-testid=title]").Input("Grey trousers");

        page.Find("[data-testid=submit-for-review]").Click();

        page.WaitForElement("[data-testid=status-banner][data-status=submitted]");
        Assert.Equal("Reason: Wrong category", reason);
        Assert.Empty(page.FindAll("[data-testid=rejection-reason]"));
        Assert.Empty(page.FindAll("form[data-testid=listing-card]"));
        ListingDraft stored = await SingleStoredAsync();
        Assert.Equal(("Grey trousers", ListingStatus.Submitted), (stored.Title, stored.Status));
    }

    [Fact]
    public async Task DraftEdit_TwoTabsSaveOneAfterTheOther_SecondSaysChangedElsewhereAndKeepsItsEdits()
    {
        Guid id = await Drafts.SaveNewAsync(Draft("Grey jeans"), _context.Seller);
        var firstTab = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        var secondTab = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        firstTab.WaitForElement("input[data-testid=title]").Input("Grey jeans from tab one");
        firstTab.Find("form[data-testid=listing-card]").Submit();
        firstTab.WaitForElement("[data-testid=saved]");

        secondTab.WaitForElement("input[data-testid=title]").Input("Grey jeans from tab two");
        secondTab.Find("form[data-testid=listing-card]").Submit();

        string message = secondTab.WaitForElement("[data-testid=conflict]").TextContent.Trim();
        Assert.Equal(ListingMessages.ChangedElsewhere, message);
        Assert.Equal("Grey jeans from tab two", secondTab.Find("input[data-testid=title]").GetAttribute("value"));
        Assert.Equal("Grey jeans from tab one", (await SingleStoredAsync()).Title);
    }

    [Fact]
    public async Task DraftEdit_ModeratorDecidedWhileTheSellerEdited_SavingSaysChangedElsewhere()
    {
        Guid id = await Drafts.SaveNewAsync(Draft("Grey jeans"), _context.Seller);
        var page = _context.Render<DraftEdit>(p => p.Add(d => d.Id, id));
        page.WaitForElement("input[data-testid=title]").Input("Grey jeans, edited meanwhile");
        ListingDraft loaded = (await Drafts.FindAsync(id, _context.Seller, default))!;
        var submitted = Assert.IsType<ListingWriteResult.Written>(
            await Drafts.SubmitAsync(loaded, _context.Seller, default));
        Assert.IsType<ListingWriteResult.Written>(await Drafts.RejectAsync(
            id, submitted.Version, _context.Moderator, RejectionReason.ProhibitedItem, null, default));

        page.Find("form[data-testid=listing-card]").Submit();

        Assert.Contains(
            ListingMessages.ChangedElsewhere,
            page.WaitForElement("[data-testid=conflict]").TextContent,
            StringComparison.Ordinal);
        ListingDraft stored = await SingleStoredAsync();
        Assert.Equal(("Grey jeans", ListingStatus.Rejected), (stored.Title, stored.Status));
    }

    private async Task<Guid> RejectedAsync(string title)
    {
        var submitted = Assert.IsType<ListingWriteResult.Written>(
            await Drafts.SubmitAsync(Draft(title), _context.Seller, default));
        Assert.IsType<ListingWriteResult.Written>(await Drafts.RejectAsync(
            submitted.Id, submitted.Version, _context.Moderator, RejectionReason.WrongCategory, null, default));
        return submitted.Id;
    }

    private async Task<ListingDraft> SingleStoredAsync()
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.Drafts.AsNoTracking().SingleAsync();
    }

    private static ListingDraft Draft(string title) => new()
    {
        Mode = ListingMode.Manual,
        Title = title,
        Condition = ItemCondition.Good,
        Price = 30m,
    };
}
