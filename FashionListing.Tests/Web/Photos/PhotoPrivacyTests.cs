using System.Net;
using FashionListing.Tests.Imaging;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Listings;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Web.Photos;

/// <summary>
/// A phone photo with its GPS position in EXIF and XMP, through the whole app: neither the stored file nor what
/// <c>GET /photos/{id}</c> serves carries any of it.
/// </summary>
public sealed class PhotoPrivacyTests : IDisposable
{
    private const string Seller = "seller@sellers.test";

    // The GPS IFD's latitude rationals (48/1, 51/1) as TestImages.ExifWithGps writes them.
    private static readonly byte[] s_latitude = [0, 0, 0, 0x30, 0, 0, 0, 1, 0, 0, 0, 0x33];

    private readonly AppTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetPhoto_UploadWithGpsInExifAndXmp_StoredAndServedWithoutAnyMetadata(bool suggest)
    {
        using SKBitmap scene = GarmentScene.Draw(96, 128, new SKRectI(24, 24, 72, 104));
        byte[] upload = TestImages.InsertAfterStartOfImage(
            TestImages.Jpeg(scene),
            TestImages.App1(TestImages.ExifWithGps()),
            TestImages.App1(TestImages.Xmp()));
        Assert.True(upload.AsSpan().IndexOf("Exif"u8) > 0, "The test upload must carry EXIF.");
        Assert.True(upload.AsSpan().IndexOf(s_latitude) > 0, "The test upload must carry the GPS latitude.");
        string seller = await _host.CreateAccountAsync(AccountRoles.Seller, Seller);
        using HttpClient client = await _host.SignedInClientAsync(Seller);
        PhotoIntake intake = _host.Services.GetRequiredService<PhotoIntake>();
        PhotoIntakeResult result = await intake.AcceptAsync(upload, suggest, seller, CancellationToken.None);
        Guid id = Assert.IsType<PhotoIntakeResult.Accepted>(result).PhotoId;

        using HttpResponseMessage response = await client.GetAsync(
            new Uri("/photos/" + id.ToString("D"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] served = await response.Content.ReadAsByteArrayAsync();
        string file = Path.Combine(_host.DataFolder, "photos", id.ToString("D") + ".jpg");
        byte[] stored = await File.ReadAllBytesAsync(file);
        Assert.Equal(stored, served);
        AssertNoMetadata(served);
    }

    private static void AssertNoMetadata(byte[] jpeg)
    {
        List<byte> markers = TestImages.MarkersBeforeScan(jpeg);
        Assert.DoesNotContain(markers, marker => marker is >= 0xE1 and <= 0xEF or 0xFE);
        Assert.Equal(-1, jpeg.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, jpeg.AsSpan().IndexOf(TestImages.XmpNamespace));
        Assert.Equal(-1, jpeg.AsSpan().IndexOf("GPSLatitude"u8));
        Assert.Equal(-1, jpeg.AsSpan().IndexOf(s_latitude));
        using SKData data = SKData.CreateCopy(jpeg);
        using SKCodec codec = SKCodec.Create(data);
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
    }
}
