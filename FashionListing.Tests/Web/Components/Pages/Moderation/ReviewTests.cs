using Bunit;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Pages.Moderation;
using FashionListing.Web.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Components.Pages.Moderation;

/// <summary>
/// The review page: the model's suggestion beside the seller's fields with the model's confidence, and the
/// decisions, by button and by shortcut, each followed by the next waiting listing.
/// </summary>
public sealed class ReviewTests : IAsyncDisposable
{
    private const string ModulePath = "./Components/Pages/Moderation/Review.razor.js";

    private readonly ListingPageContext _context = new(new StubListingSuggester(TestPhotos.TopAndJeans()));

    public ReviewTests() => _context.JSInterop.SetupModule(ModulePath);

    private ListingDraftService Drafts => _context.Services.GetRequiredService<ListingDraftService>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    // The jeans were suggested as "Grey jeans", Trousers 77%, grey 88%, the detail "jeans" 58%, "Grey jeans.".
    [Fact]
    public async Task Review_JeansWithEditedTitleAndDetails_EachFieldBesideItsSuggestionWithConfidence()
    {
        Guid id = await SubmitJeansAsync("Grey slim jeans", "Trousers", "Grey ", ["slim (fit)"]);
        _context.SignInAsModerator();

        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));

        var rows = page.WaitForElements("[data-testid=comparison-row]");
        Assert.Equal(
            ["title", "category", "colour", "attributes", "description"],
            rows.Select(r => r.GetAttribute("data-field")));
        Assert.Equal(
            ["true", "false", "false", "true", "false"],
            rows.Select(r => r.GetAttribute("data-differs")));
        Assert.Equal(["Grey jeans", "Grey slim jeans"], Cells(rows[0], "suggested", "chosen"));
        Assert.Equal(["Trousers", "77%", "Trousers"], Cells(rows[1], "suggested", "confidence", "chosen"));
        Assert.Equal(["grey", "grey 88%", "Grey"], Cells(rows[2], "suggested", "confidence", "chosen"));
        Assert.Equal("jeans 58%", rows[3].QuerySelector("[data-testid=confidence]")!.TextContent.Trim());
        var suggested = Assert.Single(rows[3].QuerySelectorAll("[data-testid=suggested-attribute]"));
        Assert.Equal(("jeans", "false"), (suggested.TextContent.Trim(), suggested.GetAttribute("data-kept")));
        var chosen = Assert.Single(rows[3].QuerySelectorAll("[data-testid=chosen-attribute]"));
        Assert.Equal("slim (fit) (added by the seller)", chosen.TextContent.Trim());
        Assert.Contains("review-row--differs", rows[0].ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("review-row--differs", rows[1].ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_SellerPickedTheModelsSecondCategory_ShowsItsProbabilityBesideTheChoice()
    {
        string json = SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 0).ToJson();
        Guid id = await SubmitAsync(Listing("Burgundy shirt", "Shirt", "burgundy and white", [], json));
        _context.SignInAsModerator();

        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));

        var category = page.WaitForElement("[data-testid=comparison-row][data-field=category]");
        Assert.Equal("true", category.GetAttribute("data-differs"));
        string note = category.QuerySelector("[data-testid=chosen-confidence]")!.TextContent;
        Assert.Equal("(the model's choice no. 2, 12%)", string.Join(' ', note.Split((char[]?)null,
            StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Review_AnalysedPhoto_DrawsTheSelectedGarmentsStoredOverlay()
    {
        Guid photo = await _context.Services.GetRequiredService<FashionListing.Web.Photos.PhotoStore>().SaveAsync(
            TestPhotos.Jpeg(SkiaSharp.SKColors.Red),
            [.. TestPhotos.TopAndJeans().Garments.Select(g => g.OverlayPng)],
            ListingPageContext.SellerId,
            default);
        ListingDraft jeans = Listing("Grey jeans", "Trousers", "grey", ["jeans"], JeansJson());
        jeans.PhotoId = photo;
        Guid id = await SubmitAsync(jeans);
        _context.SignInAsModerator();

        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));

        var overlay = page.WaitForElement("[data-testid=garment-overlay]");
        Assert.Equal($"/photos/{photo:D}/overlays/1", overlay.GetAttribute("src"));
        string note = page.Find("[data-testid=garment-note]").TextContent;
        Assert.Contains("garment 2 of 2", note, StringComparison.Ordinal);
    }

    // The test embedder gives a photo its mean colour: another red photo scores 1, a blue one 0.
    [Fact]
    public async Task Review_AnotherSellerUsedTheSamePhoto_ListedUnderSimilarPhotosWithALink()
    {
        var store = _context.Services.GetRequiredService<FashionListing.Web.Photos.PhotoStore>();
        var other = new FashionListing.Web.Accounts.ListingViewer("other-seller", IsSeller: true, IsModerator: false);
        ListingDraft reviewed = Listing("Red wool coat", "Coat", "red", [], null);
        reviewed.PhotoId =
            await store.SaveAsync(TestPhotos.Jpeg(SkiaSharp.SKColors.Red), ListingPageContext.SellerId, default);
        Guid id = await SubmitAsync(reviewed);
        ListingDraft copy = Listing("Red coat, as new", "Coat", "red", [], null);
        copy.PhotoId = await store.SaveAsync(TestPhotos.Jpeg(SkiaSharp.SKColors.Red), other.UserId!, default);
        Guid copied = await Drafts.SaveNewAsync(copy, other);
        ListingDraft unrelated = Listing("Blue denim jacket", "Jacket", "blue", [], null);
        unrelated.PhotoId = await store.SaveAsync(TestPhotos.Jpeg(SkiaSharp.SKColors.Blue), other.UserId!, default);
        await Drafts.SaveNewAsync(unrelated, other);
        _context.SignInAsModerator();

        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));

        var similar = Assert.Single(page.WaitForElements("[data-testid=similar-photo]"));
        Assert.Equal($"moderation/{copied:D}", similar.GetAttribute("href"));
        Assert.Contains("Red coat, as new", similar.TextContent, StringComparison.Ordinal);
        Assert.Contains("the same photo", similar.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_ManualListing_SaysThereIsNothingToCompare()
    {
        Guid id = await SubmitAsync(Listing("Hand-knitted scarf", "Scarf", "red", [], null));
        _context.SignInAsModerator();

        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));

        page.WaitForElement("[data-testid=no-suggestion]");
        Assert.Empty(page.FindAll("[data-testid=comparison-row]"));
        string fields = page.Find("[data-testid=draft-fields]").TextContent;
        Assert.Contains("Hand-knitted scarf", fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_TwoWaiting_ApprovesAndGoesToTheOtherOne()
    {
        Guid first = await SubmitJeansAsync("Grey jeans", "Trousers", "grey", ["jeans"]);
        _context.Clock.Advance(TimeSpan.FromMinutes(1));
        Guid second = await SubmitJeansAsync("Grey jeans again", "Trousers", "grey", ["jeans"]);
        _context.SignInAsModerator();
        var page = _context.Render<Review>(p => p.Add(r => r.Id, first));

        page.WaitForElement("[data-testid=approve]").Click();

        page.WaitForAssertion(() => Assert.EndsWith(
            $"moderation/{second:D}?decided=approved",
            _context.Services.GetRequiredService<NavigationManager>().Uri,
            StringComparison.Ordinal));
        Assert.Equal(ListingStatus.Approved, (await StoredAsync(first)).Status);
    }

    [Fact]
    public async Task Shortcut_AOnTheLastWaiting_ApprovesAndGoesBackToTheQueue()
    {
        Guid only = await SubmitJeansAsync("Grey jeans", "Trousers", "grey", ["jeans"]);
        _context.SignInAsModerator();
        var page = _context.Render<Review>(p => p.Add(r => r.Id, only));
        page.WaitForElement("[data-testid=approve]");

        await page.InvokeAsync(() => page.Instance.OnShortcutAsync("a"));

        Assert.EndsWith(
            "moderation?decided=approved",
            _context.Services.GetRequiredService<NavigationManager>().Uri,
            StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Approved, (await StoredAsync(only)).Status);
    }

    [Fact]
    public async Task Shortcut_RThenAWithTheReasonsOpen_OpensTheReasonsAndDoesNotApprove()
    {
        Guid id = await SubmitJeansAsync("Grey jeans", "Trousers", "grey", ["jeans"]);
        _context.SignInAsModerator();
        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));
        page.WaitForElement("[data-testid=approve]");

        await page.InvokeAsync(() => page.Instance.OnShortcutAsync("r"));
        await page.InvokeAsync(() => page.Instance.OnShortcutAsync("a"));

        page.WaitForElement("[data-testid=reject-panel]");
        Assert.Equal(ListingStatus.Submitted, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Reject_NoReasonChosen_AsksForOneAndRecordsNothing()
    {
        Guid id = await SubmitJeansAsync("Grey jeans", "Trousers", "grey", ["jeans"]);
        _context.SignInAsModerator();
        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));
        page.WaitForElement("[data-testid=reject]").Click();

        page.WaitForElement("[data-testid=confirm-reject]").Click();

        Assert.Equal("Choose a reason.", page.WaitForElement("[data-testid=reject-error]").TextContent.Trim());
        Assert.Equal(ListingStatus.Submitted, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Reject_WrongCategoryWithANote_RecordedForTheSeller()
    {
        Guid id = await SubmitJeansAsync("Grey jeans", "Skirt", "grey", ["jeans"]);
        _context.SignInAsModerator();
        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));
        page.WaitForElement("[data-testid=reject]").Click();

        page.WaitForElement("input[data-testid=reason-WrongCategory]").Click();
        page.Find("textarea[data-testid=reject-note]").Input("These are trousers, not a skirt.");
        page.Find("[data-testid=confirm-reject]").Click();

        page.WaitForAssertion(() => Assert.EndsWith(
            "moderation?decided=rejected",
            _context.Services.GetRequiredService<NavigationManager>().Uri,
            StringComparison.Ordinal));
        ListingDraft stored = await StoredAsync(id);
        Assert.Equal(ListingStatus.Rejected, stored.Status);
        Assert.Equal(RejectionReason.WrongCategory, stored.RejectionReason);
        Assert.Equal("These are trousers, not a skirt.", stored.RejectionNote);
    }

    [Fact]
    public async Task Approve_AnotherModeratorDecidedSinceThePageLoaded_SaysSoAndKeepsTheirDecision()
    {
        Guid id = await SubmitJeansAsync("Grey jeans", "Trousers", "grey", ["jeans"]);
        _context.SignInAsModerator();
        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));
        page.WaitForElement("[data-testid=approve]");
        ListingDraft loaded = await StoredAsync(id);
        var other = new FashionListing.Web.Accounts.ListingViewer("moderator-2", IsSeller: false, IsModerator: true);
        Assert.IsType<ListingWriteResult.Written>(await Drafts.RejectAsync(
            id, loaded.Version, other, RejectionReason.ProhibitedItem, null, default));

        page.Find("[data-testid=approve]").Click();

        string message = page.WaitForElement("[data-testid=conflict]").TextContent;
        Assert.Contains(ListingMessages.ChangedBeforeDecision, message, StringComparison.Ordinal);
        Assert.Equal(ListingStatus.Rejected, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task Review_ListingNotWaiting_OffersNoDecision()
    {
        ListingDraft draft = Listing("Grey jeans", "Trousers", "grey", [], JeansJson());
        Guid id = await Drafts.SaveNewAsync(draft, _context.Seller);
        _context.SignInAsModerator();

        var page = _context.Render<Review>(p => p.Add(r => r.Id, id));

        page.WaitForElement("[data-testid=not-waiting]");
        Assert.Empty(page.FindAll("[data-testid=approve]"));
        Assert.Empty(page.FindAll("[data-testid=reject]"));
    }

    private static string[] Cells(AngleSharp.Dom.IElement row, params string[] cells) =>
        [.. cells.Select(c => row.QuerySelector($"[data-testid={c}]")!.TextContent.Trim())];

    private Task<Guid> SubmitJeansAsync(string title, string category, string colour, List<string> attributes) =>
        SubmitAsync(Listing(title, category, colour, attributes, JeansJson()));

    private async Task<Guid> SubmitAsync(ListingDraft draft)
    {
        ListingWriteResult result = await Drafts.SubmitAsync(draft, _context.Seller, default);
        return Assert.IsType<ListingWriteResult.Written>(result).Id;
    }

    private async Task<ListingDraft> StoredAsync(Guid id)
    {
        await using ListingDbContext db = _context.CreateDbContext();
        return await db.Drafts.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private static string JeansJson() => SuggestionSnapshot.From(TestPhotos.TopAndJeans(), 1).ToJson();

    private static ListingDraft Listing(
        string title,
        string category,
        string colour,
        List<string> attributes,
        string? json) => new()
        {
            Mode = json is null ? ListingMode.Manual : ListingMode.Automated,
            Title = title,
            Category = category,
            Colour = colour,
            Attributes = attributes,
            Description = "Grey jeans.",
            Condition = ItemCondition.Good,
            Price = 30m,
            SuggestionJson = json,
        };
}
