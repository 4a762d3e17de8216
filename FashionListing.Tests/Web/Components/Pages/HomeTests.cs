using Bunit;
using FashionListing.Web.Components.Pages;
using MudBlazor.Services;

namespace FashionListing.Tests.Web.Components.Pages;

public sealed class HomeTests
{
    [Fact]
    public async Task Home_Rendered_OffersBothWaysToList()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        var page = context.Render<Home>();

        string[] links = [.. page.FindAll("a.mud-button-root").Select(a => a.GetAttribute("href")!)];
        Assert.Equal(["sell", "manual"], links);
        Assert.Contains("fill in the card yourself", page.Markup, StringComparison.Ordinal);
    }
}
