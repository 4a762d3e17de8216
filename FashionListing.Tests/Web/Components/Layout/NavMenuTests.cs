using Bunit;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Layout;
using MudBlazor.Services;

namespace FashionListing.Tests.Web.Components.Layout;

public sealed class NavMenuTests
{
    [Fact]
    public async Task NavMenu_Seller_LinksTheSellersPagesAndSaysWhoIsSignedIn()
    {
        await using var context = NewContext();
        context.AddAuthorization().SetAuthorized("seller@sellers.test").SetRoles(AccountRoles.Seller);

        var menu = context.Render<NavMenu>();

        Assert.Equal(["", "sell", "manual", "drafts", "account/logout"], Links(menu));
        Assert.Equal(
            "Signed in as seller@sellers.test (Seller)",
            menu.Find("[data-testid=signed-in-as]").TextContent.Trim());
    }

    [Fact]
    public async Task NavMenu_Moderator_LinksAllDraftsAndTheReviewQueue()
    {
        await using var context = NewContext();
        context.AddAuthorization().SetAuthorized("mod@fashionlisting.test").SetRoles(AccountRoles.Moderator);

        var menu = context.Render<NavMenu>();

        Assert.Equal(["", "drafts", "moderation", "account/logout"], Links(menu));
        Assert.Contains("All drafts", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("Review queue", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NavMenu_Anonymous_OffersSignInAndRegistration()
    {
        await using var context = NewContext();
        context.AddAuthorization();

        var menu = context.Render<NavMenu>();

        Assert.Equal(["", "account/login", "account/register"], Links(menu));
    }

    private static BunitContext NewContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        return context;
    }

    private static string[] Links(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a").Select(a => a.GetAttribute("href")!)];
}
