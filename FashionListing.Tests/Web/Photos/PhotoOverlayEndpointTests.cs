using System.Net;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Listings;
using FashionListing.Web.Photos;
using Microsoft.Extensions.DependencyInjection;

namespace FashionListing.Tests.Web.Photos;

/// <summary>
/// The overlays stored with an analysed photo, and <c>GET /photos/{id}/overlays/{index}</c>, through real HTTP
/// with real sign-ins: it answers exactly as the photo endpoint does.
/// </summary>
public sealed class PhotoOverlayEndpointTests : IDisposable
{
    private readonly AppTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AcceptAsync_AnalysedPhotoOfTwoGarments_StoresEachOverlayBesideThePhoto()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();

        Guid photo = await AnalyseAsync(seller, analysed);

        PhotoStore store = _host.Services.GetRequiredService<PhotoStore>();
        Assert.Equal(analysed.Garments[0].OverlayPng, await ReadAsync(store.OpenOverlay(photo, 0)));
        Assert.Equal(analysed.Garments[1].OverlayPng, await ReadAsync(store.OpenOverlay(photo, 1)));
        Assert.Null(store.OpenOverlay(photo, 2));
        string[] files = [.. Directory.GetFiles(Path.Combine(_host.DataFolder, "photos")).Select(Path.GetFileName)!];
        Assert.Equal(
            [$"{photo:D}.jpg", $"{photo:D}.overlay-0.png", $"{photo:D}.overlay-1.png"],
            files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AcceptAsync_ManualPhoto_StoresNoOverlay()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        var intake = _host.Services.GetRequiredService<PhotoIntake>();

        var accepted = Assert.IsType<PhotoIntakeResult.Accepted>(await intake.AcceptAsync(
            TestPhotos.Jpeg(SkiaSharp.SKColors.Teal), suggest: false, seller, CancellationToken.None));

        Assert.False(_host.Services.GetRequiredService<PhotoStore>().HasOverlay(accepted.PhotoId, 0));
    }

    [Fact]
    public async Task GetOverlay_Owner_ReturnsThePngPrivately()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        PhotoAnalysed analysed = TestPhotos.TopAndJeans();
        Guid photo = await AnalyseAsync(seller, analysed);
        using HttpClient client = await _host.SignedInClientAsync("owner@sellers.test");

        using HttpResponseMessage response = await client.GetAsync(OverlayUrl(photo, 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(analysed.Garments[1].OverlayPng, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task GetOverlay_Anonymous_Returns401LikeThePhoto()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        Guid photo = await AnalyseAsync(seller, TestPhotos.TopAndJeans());
        using HttpClient client = _host.NewClient();

        using HttpResponseMessage overlay = await client.GetAsync(OverlayUrl(photo, 0));
        using HttpResponseMessage original = await client.GetAsync(PhotoUrl(photo));

        Assert.Equal(HttpStatusCode.Unauthorized, overlay.StatusCode);
        Assert.Equal(original.StatusCode, overlay.StatusCode);
    }

    [Theory]
    [InlineData(AccountRoles.Seller, HttpStatusCode.NotFound)]
    [InlineData(AccountRoles.Researcher, HttpStatusCode.NotFound)]
    [InlineData(AccountRoles.Moderator, HttpStatusCode.OK)]
    public async Task GetOverlay_AnotherSellersPhotoByRole_AnswersAsThePhotoDoes(string role, HttpStatusCode expected)
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        await _host.CreateAccountAsync(role, "someone@fashionlisting.test");
        Guid photo = await AnalyseAsync(seller, TestPhotos.TopAndJeans());
        using HttpClient client = await _host.SignedInClientAsync("someone@fashionlisting.test");

        using HttpResponseMessage overlay = await client.GetAsync(OverlayUrl(photo, 0));
        using HttpResponseMessage original = await client.GetAsync(PhotoUrl(photo));

        Assert.Equal(expected, overlay.StatusCode);
        Assert.Equal(original.StatusCode, overlay.StatusCode);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("01")]
    [InlineData("1.0")]
    [InlineData("abc")]
    [InlineData("999")]
    public async Task GetOverlay_IndexOfNoOverlay_Returns404EvenToTheOwner(string index)
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        Guid photo = await AnalyseAsync(seller, TestPhotos.TopAndJeans());
        using HttpClient client = await _host.SignedInClientAsync("owner@sellers.test");

        using HttpResponseMessage response = await client.GetAsync(
            new Uri(PhotoServiceCollectionExtensions.PhotoUrl(photo) + "/overlays/" + index, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("7f0c1d5e-0000-4000-8000-000000000000")]
    public async Task GetOverlay_NoSuchPhoto_Returns404ToAModerator(string id)
    {
        await _host.CreateAccountAsync(AccountRoles.Moderator, "moderator@fashionlisting.test");
        using HttpClient client = await _host.SignedInClientAsync("moderator@fashionlisting.test");

        using HttpResponseMessage response =
            await client.GetAsync(new Uri("/photos/" + id + "/overlays/0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetOverlay_ManualPhoto_Returns404ToTheOwner()
    {
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, "owner@sellers.test");
        Guid photo = await _host.Services.GetRequiredService<PhotoStore>()
            .SaveAsync(TestPhotos.Jpeg(SkiaSharp.SKColors.Teal), seller, CancellationToken.None);
        using HttpClient client = await _host.SignedInClientAsync("owner@sellers.test");

        using HttpResponseMessage response = await client.GetAsync(OverlayUrl(photo, 0));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Guid> AnalyseAsync(string sellerId, PhotoAnalysed analysed)
    {
        // The app's own intake (store, queue, limits), with a suggester that answers this analysis.
        var intake = ActivatorUtilities.CreateInstance<PhotoIntake>(
            _host.Services, (IListingSuggester)new StubListingSuggester(analysed));
        PhotoIntakeResult result =
            await intake.AcceptAsync(TestPhotos.Jpeg(SkiaSharp.SKColors.Red), suggest: true, sellerId, default);

        return Assert.IsType<PhotoIntakeResult.Accepted>(result).PhotoId;
    }

    private static async Task<byte[]> ReadAsync(Stream? stream)
    {
        Assert.NotNull(stream);
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static Uri PhotoUrl(Guid id) => new(PhotoServiceCollectionExtensions.PhotoUrl(id), UriKind.Relative);

    private static Uri OverlayUrl(Guid id, int index) =>
        new(PhotoServiceCollectionExtensions.OverlayUrl(id, index), UriKind.Relative);
}
