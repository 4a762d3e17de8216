using Bunit;
using FashionListing.Web.Components.Layout;
using MudBlazor.Services;

namespace FashionListing.Tests.Web.Components.Layout;

public sealed class NavMenuTests
{
    [Fact]
    public async Task NavMenu_Rendered_LinksEveryPage()
    {
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        var menu = context.Render<NavMenu>();

        string[] links = [.. menu.FindAll("a").Select(a => a.GetAttribute("href")!)];
        Assert.Equal(["", "sell", "manual", "drafts"], links);
    }
}
