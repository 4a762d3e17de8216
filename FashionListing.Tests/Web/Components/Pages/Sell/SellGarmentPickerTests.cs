using AngleSharp.Dom;
using Bunit;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

/// <summary>
/// The sell page with a photo of a burgundy top above grey jeans (<see cref="TestPhotos.TopAndJeans"/>, a
/// 40x30 photo: the top covers x 5-34, y 2-13, the jeans x 10-29, y 16-28).
/// </summary>
public sealed class SellGarmentPickerTests
{
    private const string PhotoModule = "./Components/Listing/GarmentPhoto.razor.js";

    private static readonly byte[] s_upload = TestPhotos.Jpeg(SKColors.Red);

    [Fact]
    public async Task GarmentChips_TwoGarments_NumberCategoryAndProbabilityInTheOverlayColour()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();

        SellTests.Upload(page, s_upload);

        IReadOnlyList<IElement> chips = page.FindAll("[data-testid=garment-chip]");
        Assert.Equal(["1 Long-sleeve top 82%", "2 Trousers 77%"], chips.Select(Text));
        Assert.Equal(["#00AABE", "#E65A14"], chips.Select(c => c.GetAttribute("data-colour")));
        Assert.Contains("--garment-colour: #E65A14", chips[1].GetAttribute("style"), StringComparison.Ordinal);
        string swatch = chips[1].QuerySelector(".colour-swatch")!.GetAttribute("style")!;
        Assert.StartsWith("background-color: #E65A14;", swatch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarmentBadges_TwoGarments_NumberedInsideEachGarmentInItsColour()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();

        SellTests.Upload(page, s_upload);

        IReadOnlyList<IElement> badges = page.FindAll("[data-testid=garment-badge]");
        Assert.Equal(["1", "2"], badges.Select(Text));

        // The jeans' widest part is rows 16-28 (7 pixels from the edge at row 22) and, nearest their centre
        // (19.5, 22), column 19: the badge sits at pixel centre (19.5, 22.5) of 40x30, i.e. 48.75 % and 75 %.
        Assert.StartsWith("left: 48.75%; top: 75%; background-color: #E65A14;", badges[1].GetAttribute("style"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_TwoGarments_FirstSelectedAndTheOtherDimmed()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();

        SellTests.Upload(page, s_upload);

        Assert.Equal(["selected", "dimmed"], Emphases(page));
        Assert.Equal(
            ["true", "false"],
            page.FindAll("[data-testid=garment-chip]").Select(c => c.GetAttribute("aria-pressed")));
        Assert.Contains("garment-photo--pickable", page.Find("[data-testid=garment-photo]").ClassName,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GarmentChip_SecondClicked_CardFilledFromTheJeans()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        Assert.Equal("Grey jeans", card.Title);
        Assert.Equal("Trousers", card.Category);
        Assert.Equal("grey", card.Colour);
        Assert.Equal(["jeans"], card.Attributes);
        Assert.Equal("Grey jeans.", card.Description);
        Assert.Equal(["Trousers 77%"], page.FindAll("[data-testid=category-chip]").Select(Text));
        Assert.Equal(["grey 88%"], page.FindAll("[data-testid=colour-chip]").Select(Text));
        Assert.Equal(["jeans 58%"], SellTests.AttributeChips(page));
        Assert.Equal(["dimmed", "selected"], Emphases(page));
        Assert.Empty(page.FindAll("[data-testid=kept-edits]"));
    }

    [Fact]
    public async Task GarmentChip_BackToTheFirst_CardFilledFromTheTopAgain()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.FindAll("[data-testid=garment-chip]")[1].Click();

        page.FindAll("[data-testid=garment-chip]")[0].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        Assert.Equal("Burgundy long-sleeve top", card.Title);
        Assert.Equal("Long-sleeve top", card.Category);
        Assert.Equal("burgundy and white", card.Colour);
        Assert.Equal(["classic (t-shirt)", "wrist-length"], card.Attributes);
        Assert.Equal(["selected", "dimmed"], Emphases(page));
    }

    [Fact]
    public async Task PhotoClick_OnTheJeans_SelectsTheJeans()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var module = context.JSInterop.SetupModule(PhotoModule);

        // (0.5, 0.75) of 40x30 is pixel (20, 22): inside the jeans only.
        module.Setup<PhotoPoint>("clickFraction", _ => true).SetResult(new PhotoPoint(0.5, 0.75));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);

        page.Find("[data-testid=garment-photo-image]").Click(new MouseEventArgs { ClientX = 310, ClientY = 420 });

        page.WaitForAssertion(() =>
            Assert.Equal("Grey jeans", page.FindComponent<ListingCard>().Instance.Model.Title));
        JSRuntimeInvocation call = module.VerifyInvoke("clickFraction");
        Assert.Equal([310.0, 420.0], call.Arguments.Skip(1).Cast<double>());
        Assert.Equal("Trousers", page.FindComponent<ListingCard>().Instance.Model.Category);
        Assert.Empty(page.FindAll("[data-testid=pick-miss]"));
    }

    [Fact]
    public async Task PhotoClick_OnTheBackground_SaysSoAndKeepsTheCard()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));

        // (0.05, 0.05) of 40x30 is pixel (2, 1): left of the top and above it.
        context.JSInterop.SetupModule(PhotoModule)
            .Setup<PhotoPoint>("clickFraction", _ => true).SetResult(new PhotoPoint(0.05, 0.05));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);

        page.Find("[data-testid=garment-photo-image]").Click();

        page.WaitForElement("[data-testid=pick-miss]");
        Assert.Equal("Burgundy long-sleeve top", page.FindComponent<ListingCard>().Instance.Model.Title);
        Assert.Equal(["selected", "dimmed"], Emphases(page));
    }

    [Fact]
    public async Task OnlySelectedSwitch_TurnedOn_HidesTheOtherOutlineAndItsBadge()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);

        page.Find("input[data-testid=only-selected]").Change(true);

        Assert.Equal(["selected", "hidden"], Emphases(page));
        Assert.Equal(["1"], page.FindAll("[data-testid=garment-badge]").Select(Text));
    }

    [Fact]
    public async Task SwitchGarment_AfterTheSellerEditedTheTitle_KeepsTheTitleAndRefillsTheRest()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("Levi's 501, barely worn");

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        Assert.Equal("Levi's 501, barely worn", card.Title);
        Assert.Equal("Trousers", card.Category);
        Assert.Equal("grey", card.Colour);
        Assert.Equal(["jeans"], card.Attributes);
        Assert.Equal("Grey jeans.", card.Description);
        string notice = page.Find("[data-testid=kept-edits]").TextContent;
        Assert.Contains("Your own title stayed on the card", Squash(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSuggestions_AfterTheTitleWasKept_ReplacesItWithTheJeansTitle()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("Levi's 501, barely worn");
        page.FindAll("[data-testid=garment-chip]")[1].Click();

        page.Find("[data-testid=use-suggestions]").Click();

        Assert.Equal("Grey jeans", page.FindComponent<ListingCard>().Instance.Model.Title);
        Assert.Empty(page.FindAll("[data-testid=kept-edits]"));
    }

    [Fact]
    public async Task UseSuggestions_DescriptionEditedAfterTheSwitch_ReplacesOnlyTheKeptTitle()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("Levi's 501, barely worn");
        page.FindAll("[data-testid=garment-chip]")[1].Click();
        page.Find("textarea[data-testid=description]").Input("Straight leg, 32/32.");

        page.Find("[data-testid=use-suggestions]").Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        Assert.Equal("Grey jeans", card.Title);
        Assert.Equal("Straight leg, 32/32.", card.Description);
    }

    [Fact]
    public async Task SwitchGarment_AfterTheSellerEmptiedTheTitle_FillsTheJeansTitle()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.Find("input[data-testid=title]").Input("");

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        Assert.Equal("Grey jeans", page.FindComponent<ListingCard>().Instance.Model.Title);
        Assert.Empty(page.FindAll("[data-testid=kept-edits]"));
    }

    [Fact]
    public async Task SwitchGarment_AfterTheSellerAddedADetail_CarriesTheDetailOver()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.Find("input[data-testid=add-attribute]").Input("hood");
        context.Popovers.WaitForElements(".mud-list-item").Single(i => Text(i) == "hoodie (nickname)").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("hoodie", page.FindComponent<ListingCard>().Instance.Model.Attributes));

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        Assert.Equal(["jeans", "hoodie"], page.FindComponent<ListingCard>().Instance.Model.Attributes);
        Assert.Contains("details (hoodie)", Squash(page.Find("[data-testid=kept-edits]").TextContent),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchGarment_AfterTheSellerRemovedAColourChip_KeepsTheSellersColours()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.FindAll("[data-testid=colour-chip]")[1].QuerySelector(".mud-chip-close-button")!.Click();

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        Assert.Equal("burgundy", page.FindComponent<ListingCard>().Instance.Model.Colour);
        Assert.Equal(["burgundy 71%"], page.FindAll("[data-testid=colour-chip]").Select(Text));
        Assert.Equal("Grey jeans", page.FindComponent<ListingCard>().Instance.Model.Title);
    }

    [Fact]
    public async Task SwitchGarment_AfterPickingAnotherModelCategory_ReplacesItLikeAnUntouchedField()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.FindAll("[data-testid=category-chip]")[1].Click();
        page.WaitForAssertion(() => Assert.Equal("Shirt", page.FindComponent<ListingCard>().Instance.Model.Category));

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        Assert.Equal("Trousers", card.Category);
        Assert.Equal("Grey jeans", card.Title);
        Assert.Equal("Grey jeans.", card.Description);
        Assert.Empty(page.FindAll("[data-testid=kept-edits]"));
    }

    [Fact]
    public async Task SwitchGarment_PriceAndConditionSet_StayOnTheCard()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        SellTests.FillConditionAndPrice(page, "Good", "12");

        page.FindAll("[data-testid=garment-chip]")[1].Click();

        ListingFormModel card = page.FindComponent<ListingCard>().Instance.Model;
        Assert.Equal(ItemCondition.Good, card.Condition);
        Assert.Equal(12m, card.Price);
        Assert.Equal("Grey jeans", card.Title);
    }

    [Fact]
    public async Task SaveDraft_JeansSelected_SnapshotStoresTheJeansAndBothColours()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var page = context.Render<SellPage>();
        SellTests.Upload(page, s_upload);
        page.FindAll("[data-testid=garment-chip]")[1].Click();
        SellTests.FillConditionAndPrice(page, "Good", "30");

        page.Find("form[data-testid=listing-card]").Submit();

        page.WaitForElement("[data-testid=saved]");
        await using ListingDbContext db = context.CreateDbContext();
        ListingDraft draft = await db.Drafts.SingleAsync();
        Assert.Equal("Grey jeans", draft.Title);
        SuggestionSnapshot snapshot = SuggestionSnapshot.FromJson(draft.SuggestionJson)!;
        Assert.Equal(1, snapshot.SelectedGarment);
        Assert.Equal(["#00AABE", "#E65A14"], snapshot.Garments.Select(g => g.OverlayColour));
    }

    [Fact]
    public async Task Upload_OneGarment_NoPickerNoBadgeAndThePhotoIsNotClickable()
    {
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        analysed = analysed with { Garments = [analysed.Garments[0]] };
        await using var context = new ListingPageContext(new StubListingSuggester(analysed));
        var page = context.Render<SellPage>();

        SellTests.Upload(page, s_upload);

        Assert.Empty(page.FindAll("[data-testid=garment-picker]"));
        Assert.Empty(page.FindAll("[data-testid=garment-badge]"));
        Assert.Equal("Garment 1: Long-sleeve top", Text(page.Find("[data-testid=outline-chip]")));
        Assert.Equal(["normal"], Emphases(page));
        Assert.DoesNotContain("pickable", page.Find("[data-testid=garment-photo]").ClassName, StringComparison.Ordinal);
        Assert.Equal("Burgundy long-sleeve top", page.FindComponent<ListingCard>().Instance.Model.Title);
    }

    private static string[] Emphases(IRenderedComponent<SellPage> page) =>
        [.. page.FindAll("[data-testid=garment-overlay]").Select(o => o.GetAttribute("data-emphasis")!)];

    private static string Text(IElement element) => Squash(element.TextContent);

    // Markup spreads a chip's number and label over lines; a reader sees them separated by one space.
    private static string Squash(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
