using System.Net;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Photos;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Photos;

/// <summary>The photo endpoint for a signed-in seller; who may see whose photo is in AccountAccessTests.</summary>
public sealed class PhotoEndpointTests : IDisposable
{
    private const string Seller = "seller@sellers.test";

    private readonly AppTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/photos/not-a-guid")]
    [InlineData("/photos/..%2Fappsettings.json")]
    [InlineData("/photos/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("/photos/{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("/photos/3f2504e04f8911d39a0c0305e82c3301")]
    [InlineData("/photos/3f2504e0-4f89-11d3-9a0c-0305e82c3301.jpg")]
    [InlineData("/photos/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task GetPhoto_BadOrUnknownId_Returns404(string url)
    {
        await _host.CreateAccountAsync(AccountRoles.Seller, Seller);
        using HttpClient client = await _host.SignedInClientAsync(Seller);

        using HttpResponseMessage response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPhoto_StoredId_ReturnsTheJpegWithNoSniff()
    {
        byte[] jpeg = TestPhotos.Jpeg(SKColors.Teal);
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, Seller);
        using HttpClient client = await _host.SignedInClientAsync(Seller);
        Guid id = await _host.Services.GetRequiredService<PhotoStore>().SaveAsync(jpeg, seller, CancellationToken.None);

        var url = new Uri("/photos/" + id.ToString("D"), UriKind.Relative);

        using HttpResponseMessage response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(jpeg, await response.Content.ReadAsByteArrayAsync());
        Assert.True(File.Exists(Path.Combine(_host.DataFolder, "photos", id.ToString("D") + ".jpg")));
    }
}
