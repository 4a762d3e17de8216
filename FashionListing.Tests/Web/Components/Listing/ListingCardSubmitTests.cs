using Bunit;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using Microsoft.AspNetCore.Components;

namespace FashionListing.Tests.Web.Components.Listing;

/// <summary>
/// "Save draft" on a busy server: MudBlazor's condition select sets its value only after the browser answers a
/// call, so the click on Save could be handled while the condition was still on its way. The card now waits
/// for the browser's answers to its own calls (which come after those made before them) before it checks the
/// card. Here the browser's answers are held back and given in the order a browser gives them.
/// </summary>
public sealed class ListingCardSubmitTests
{
    private const string SelectCall = "mudKeyInterceptor.updatekey";

    [Fact]
    public async Task Save_ConditionStillOnItsWay_WaitsForItAndSavesTheWholeCard()
    {
        await using var context = NewContext();
        JSRuntimeInvocationHandler select = context.JSInterop.SetupVoid(SelectCall, _ => true);
        JSRuntimeInvocationHandler answer = context.JSInterop.SetupModule("./listing-card.js").SetupVoid("answer");
        var model = new ListingFormModel();
        List<ItemCondition?> saved = [];
        var card = context.Render<ListingCard>(parameters => parameters
            .Add(c => c.Model, model)
            .Add(c => c.OnSave, EventCallback.Factory.Create(this, () => saved.Add(model.Condition))));
        card.Find("input[data-testid=title]").Input("Navy wool coat");
        card.Find("input[data-testid=price]").Input("40");

        PickCondition(context, card, "Good");
        Assert.Null(model.Condition);
        Task save = card.Find("form").SubmitAsync();
        select.SetVoidResult();
        answer.SetVoidResult();
        await save;

        Assert.Equal([ItemCondition.Good], saved);
        Assert.Empty(card.FindAll(".mud-input-error"));
    }

    [Fact]
    public async Task Save_ConditionNeverChosen_ShowsTheMessageAndDoesNotSave()
    {
        await using var context = NewContext();
        context.JSInterop.SetupModule("./listing-card.js").SetupVoid("answer").SetVoidResult();
        var model = new ListingFormModel();
        int saves = 0;
        var card = context.Render<ListingCard>(parameters => parameters
            .Add(c => c.Model, model)
            .Add(c => c.OnSave, EventCallback.Factory.Create(this, () => saves++)));
        card.Find("input[data-testid=title]").Input("Navy wool coat");
        card.Find("input[data-testid=price]").Input("40");

        await card.Find("form").SubmitAsync();

        Assert.Equal(0, saves);
        card.WaitForAssertion(() => Assert.Contains("Choose the item's condition.", card.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Save_ClickedTwiceWhileTheCardIsChecked_SavesOnce()
    {
        await using var context = NewContext();
        JSRuntimeInvocationHandler answer = context.JSInterop.SetupModule("./listing-card.js").SetupVoid("answer");
        var model = new ListingFormModel { Title = "Navy wool coat", Condition = ItemCondition.Good, Price = 40m };
        int saves = 0;
        var card = context.Render<ListingCard>(parameters => parameters
            .Add(c => c.Model, model)
            .Add(c => c.OnSave, EventCallback.Factory.Create(this, () => saves++)));

        Task first = card.Find("form").SubmitAsync();
        Task second = card.Find("form").SubmitAsync();
        answer.SetVoidResult();
        await Task.WhenAll(first, second);

        Assert.Equal(1, saves);
    }

    private static ListingPageContext NewContext()
    {
        return new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
    }

    private static void PickCondition(
        ListingPageContext context,
        IRenderedComponent<ListingCard> card,
        string condition)
    {
        card.Find("[data-testid=condition]").ParentElement!.ParentElement!.MouseDown();
        context.Popovers.WaitForElement(".mud-list-item");
        context.Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == condition).Click();
    }
}
