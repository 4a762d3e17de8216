using Bunit;
using FashionListing.Tests.Web.Components.Pages.Sell;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using Microsoft.AspNetCore.Components;

namespace FashionListing.Tests.Web.Components.Listing;

/// <summary>
/// "Save draft" on a busy server: a field can hand its value to the card a moment after the click on Save
/// reaches the server (MudBlazor's select did, after asking the browser something). The card therefore checks
/// itself only once the browser has answered calls of its own, which it answers after those made before them.
/// Here the browser's answers are held back and given when the test says.
/// </summary>
public sealed class ListingCardSubmitTests
{
    [Fact]
    public async Task Save_ValueArrivesWhileTheBrowserIsAsked_SavesTheWholeCard()
    {
        await using var context = NewContext();
        JSRuntimeInvocationHandler answer = context.JSInterop.SetupModule("./listing-card.js").SetupVoid("answer");
        var model = new ListingFormModel { Title = "Navy wool coat", Price = 40m };
        List<ItemCondition?> saved = [];
        var card = context.Render<ListingCard>(parameters => parameters
            .Add(c => c.Model, model)
            .Add(c => c.OnSave, EventCallback.Factory.Create(this, () => saved.Add(model.Condition))));

        Task save = card.Find("form").SubmitAsync();
        Assert.Empty(saved);
        model.Condition = ItemCondition.Good;
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
    public async Task Condition_RadioClicked_InTheCardAtOnce()
    {
        await using ListingPageContext context = NewContext();
        var model = new ListingFormModel();
        var card = context.Render<ListingCard>(parameters => parameters.Add(c => c.Model, model));

        SellTests.ChooseCondition(card, "Like new");

        Assert.Equal(ItemCondition.LikeNew, model.Condition);
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

    private static ListingPageContext NewContext() =>
        new(new StubListingSuggester(TestPhotos.TopAndJeans()));
}
