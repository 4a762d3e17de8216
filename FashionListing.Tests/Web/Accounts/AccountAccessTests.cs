using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Accounts;

/// <summary>
/// Who may open which page and photo, through real HTTP requests with real sign-ins: two sellers, a moderator
/// and a researcher, each with an account of their own.
/// </summary>
public sealed class AccountAccessTests : IDisposable
{
    private const string SecretTitle = "Camel wool coat of seller B";

    private readonly AppTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/sell")]
    [InlineData("/manual")]
    [InlineData("/drafts")]
    public async Task SellerPage_Anonymous_RedirectsToSignInWithTheWayBack(string page)
    {
        using HttpClient client = _host.NewClient();

        using HttpResponseMessage response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(page), response.Headers.Location.Query);
    }

    [Fact]
    public async Task GetPhoto_AnotherSellersPhoto_Returns404()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Seller, "a@sellers.test");
        Guid photo = await StorePhotoAsync(sellerB);
        using HttpClient sellerA = await _host.SignedInClientAsync("a@sellers.test");

        using HttpResponseMessage response = await sellerA.GetAsync(PhotoUrl(photo));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPhoto_OwnPhotoNotYetInADraft_ReturnsTheJpegPrivately()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        byte[] jpeg = TestPhotos.Jpeg(SKColors.Teal);
        Guid photo = await _host.Services.GetRequiredService<PhotoStore>()
            .SaveAsync(jpeg, sellerB, CancellationToken.None);
        using HttpClient client = await _host.SignedInClientAsync("b@sellers.test");

        using HttpResponseMessage response = await client.GetAsync(PhotoUrl(photo));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl!.Private);
    }

    [Fact]
    public async Task GetPhoto_Anonymous_Returns401()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        Guid photo = await StorePhotoAsync(sellerB);
        using HttpClient client = _host.NewClient();

        using HttpResponseMessage response = await client.GetAsync(PhotoUrl(photo));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(AccountRoles.Moderator, HttpStatusCode.OK)]
    [InlineData(AccountRoles.Researcher, HttpStatusCode.NotFound)]
    public async Task GetPhoto_SellersPhotoByRole_ModeratorSeesItResearcherDoesNot(string role, HttpStatusCode expected)
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        await _host.CreateAccountAsync(role, "staff@fashionlisting.test");
        Guid photo = await StorePhotoAsync(sellerB);
        using HttpClient client = await _host.SignedInClientAsync("staff@fashionlisting.test");

        using HttpResponseMessage response = await client.GetAsync(PhotoUrl(photo));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task DraftPage_AnotherSellersDraft_Returns404WithoutItsContent()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Seller, "a@sellers.test");
        Guid draft = await SaveDraftAsync(sellerB);
        using HttpClient sellerA = await _host.SignedInClientAsync("a@sellers.test");

        using HttpResponseMessage response = await sellerA.GetAsync(DraftUrl(draft));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h3>Not Found</h3>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretTitle, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftsPage_TwoSellers_EachListsOnlyTheirOwn()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Seller, "a@sellers.test");
        await SaveDraftAsync(sellerB);
        using HttpClient sellerA = await _host.SignedInClientAsync("a@sellers.test");
        using HttpClient ownerB = await _host.SignedInClientAsync("b@sellers.test");

        string pageOfA = await sellerA.GetStringAsync(new Uri("/drafts", UriKind.Relative));
        string pageOfB = await ownerB.GetStringAsync(new Uri("/drafts", UriKind.Relative));

        Assert.DoesNotContain(SecretTitle, pageOfA, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-drafts\"", pageOfA, StringComparison.Ordinal);
        Assert.Contains(SecretTitle, pageOfB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPage_OwnDraft_ShowsTheEditableCard()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        Guid draft = await SaveDraftAsync(sellerB);
        using HttpClient client = await _host.SignedInClientAsync("b@sellers.test");

        using HttpResponseMessage response = await client.GetAsync(DraftUrl(draft));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains(SecretTitle, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"listing-card\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"read-only\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPage_Moderator_ShowsAnySellersDraftReadOnly()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Moderator, "moderator@fashionlisting.test");
        Guid draft = await SaveDraftAsync(sellerB);
        using HttpClient moderator = await _host.SignedInClientAsync("moderator@fashionlisting.test");

        using HttpResponseMessage response = await moderator.GetAsync(DraftUrl(draft));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Contains(SecretTitle, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"read-only\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"listing-card\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/drafts")]
    [InlineData("/sell")]
    public async Task SellerPage_Researcher_SentToAccessDenied(string page)
    {
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        using HttpClient researcher = await _host.SignedInClientAsync("researcher@fashionlisting.test");

        using HttpResponseMessage response = await researcher.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task DraftPage_Researcher_SentToAccessDeniedWithoutTheContent()
    {
        string sellerB = await _host.CreateAccountAsync(AccountRoles.Seller, "b@sellers.test");
        await _host.CreateAccountAsync(AccountRoles.Researcher, "researcher@fashionlisting.test");
        Guid draft = await SaveDraftAsync(sellerB);
        using HttpClient researcher = await _host.SignedInClientAsync("researcher@fashionlisting.test");

        using HttpResponseMessage response = await researcher.GetAsync(DraftUrl(draft));
        using HttpResponseMessage denied = await researcher.GetAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        string page = await denied.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"access-denied\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretTitle, page, StringComparison.Ordinal);
    }

    private async Task<Guid> StorePhotoAsync(string ownerId) =>
        await _host.Services.GetRequiredService<PhotoStore>()
            .SaveAsync(TestPhotos.Jpeg(SKColors.Orange), ownerId, CancellationToken.None);

    private async Task<Guid> SaveDraftAsync(string sellerId)
    {
        Guid photo = await StorePhotoAsync(sellerId);
        var draft = new ListingDraft
        {
            Mode = ListingMode.Manual,
            Title = SecretTitle,
            Condition = ItemCondition.LikeNew,
            Price = 85m,
            PhotoId = photo,
        };

        return await _host.Services.GetRequiredService<ListingDraftService>()
            .SaveNewAsync(draft, new ListingViewer(sellerId, IsSeller: true, IsModerator: false));
    }

    private static Uri PhotoUrl(Guid id) => new(PhotoServiceCollectionExtensions.PhotoUrl(id), UriKind.Relative);

    private static Uri DraftUrl(Guid id) => new("/drafts/" + id.ToString("D"), UriKind.Relative);
}
