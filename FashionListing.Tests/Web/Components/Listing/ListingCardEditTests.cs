using Bunit;
using FashionListing.Tests.Web.Components.Pages.Sell;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Studies;
using Microsoft.AspNetCore.Components;

namespace FashionListing.Tests.Web.Components.Listing;

/// <summary>The card's report of each field the user changes, which a study counts as edits.</summary>
public sealed class ListingCardEditTests
{
    [Fact]
    public async Task OnFieldEdited_TypingTitleThenBrandThenTitleAgain_CountsTwoTitleEditsAndOneBrandEdit()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        var counter = new FieldEditCounter();
        var card = context.Render<ListingCard>(parameters => parameters
            .Add(c => c.Model, new ListingFormModel())
            .Add(c => c.OnFieldEdited, EventCallback.Factory.Create<string>(this, counter.Changed)));

        card.Find("input[data-testid=title]").Input("Red");
        card.Find("input[data-testid=title]").Input("Red wool");
        card.Find("input[data-testid=brand]").Input("Uniqlo");
        card.Find("input[data-testid=title]").Input("Red wool scarf");
        SellTests.FillConditionAndPrice(card, "Good", "8");

        Assert.Equal(
            new Dictionary<string, int> { ["Title"] = 2, ["Brand"] = 1, ["Condition"] = 1, ["Price"] = 1 },
            counter.Counts);
    }

    [Fact]
    public async Task OnFieldEdited_DetailChipRemoved_ReportsAttributes()
    {
        await using var context = new ListingPageContext(new StubListingSuggester(TestPhotos.TopAndJeans()));
        List<string> reported = [];
        var model = new ListingFormModel { Attributes = ["wrist-length", "classic (t-shirt)"] };
        var card = context.Render<ListingCard>(parameters => parameters
            .Add(c => c.Model, model)
            .Add(c => c.OnFieldEdited, EventCallback.Factory.Create<string>(this, reported.Add)));

        card.FindAll("[data-testid=attributes] .mud-chip-close-button")[0].Click();

        Assert.Equal(["Attributes"], reported);
        Assert.Single(model.Attributes);
    }
}
