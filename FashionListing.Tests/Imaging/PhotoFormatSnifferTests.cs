using FashionListing.Inference.Imaging;
using FashionListing.Tests.Support;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

public sealed class PhotoFormatSnifferTests
{
    public static TheoryData<string, byte[]> UnsupportedHeaders => new()
    {
        { "GIF signature cut short", "GIF89"u8.ToArray() },
        { "TIFF", HandBuiltImages.Tiff(bigEndian: false) },
        { "BMP", TestImages.Bmp2x2() },
        { "HEIC", [0, 0, 0, 0x18, .. "ftypheic\0\0\0\0mif1heic"u8] },
        { "PDF", "%PDF-1.7\n%\u00e2\u00e3"u8.ToArray() },
        { "text", "Blue denim jacket, size M, worn twice.\n"u8.ToArray() },
        { "RIFF but WAVE", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8] },
        { "SOI without a following marker", [0xFF, 0xD8] },
        { "PNG signature cut short", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A] },
        { "empty", [] },
    };

    [Fact]
    public void Sniff_JpegFromEncoder_IsJpeg()
    {
        byte[] jpeg = TestImages.QuadrantJpeg(16, 16);

        PhotoFormat format = PhotoFormatSniffer.Sniff(jpeg);

        Assert.Equal(PhotoFormat.Jpeg, format);
    }

    [Fact]
    public void Sniff_PngFromEncoder_IsPng()
    {
        using SKBitmap bitmap = TestImages.Quadrants(16, 16);
        byte[] png = TestImages.Png(bitmap);

        PhotoFormat format = PhotoFormatSniffer.Sniff(png);

        Assert.Equal(PhotoFormat.Png, format);
    }

    [Fact]
    public void Sniff_WebpFromEncoder_IsWebp()
    {
        using SKBitmap bitmap = TestImages.Quadrants(16, 16);
        byte[] webp = TestImages.Webp(bitmap);

        PhotoFormat format = PhotoFormatSniffer.Sniff(webp);

        Assert.Equal(PhotoFormat.Webp, format);
    }

    [Theory]
    [InlineData("GIF87a")]
    [InlineData("GIF89a")]
    public void Sniff_GifOfEitherVersion_IsGif(string signature)
    {
        byte[] gif = [.. System.Text.Encoding.ASCII.GetBytes(signature), 1, 0, 1, 0, 0, 0, 0];

        PhotoFormat format = PhotoFormatSniffer.Sniff(gif);

        Assert.Equal(PhotoFormat.Gif, format);
    }

    [Theory]
    [InlineData("heic", RefusedFormat.Heic)]
    [InlineData("avif", RefusedFormat.Avif)]
    [InlineData("isom", RefusedFormat.Unknown)]
    public void Identify_FtypMajorBrand_TellsHeicFromAvifFromVideo(string brand, RefusedFormat expected)
    {
        byte[] file = HandBuiltImages.Ftyp(brand, brand);

        RefusedFormat format = PhotoFormatSniffer.Identify(file);

        Assert.Equal(expected, format);
    }

    [Fact]
    public void Identify_FtypBoxClaimingFourGigabytes_ReadsOnlyTheBytesThereAre()
    {
        byte[] file = [0xFF, 0xFF, 0xFF, 0xFF, .. "ftypheic"u8, 0, 0, 0, 0];

        RefusedFormat format = PhotoFormatSniffer.Identify(file);

        Assert.Equal(RefusedFormat.Heic, format);
    }

    [Fact]
    public void Sniff_RealSellerPhoto_IsJpeg()
    {
        byte[] photo = File.ReadAllBytes(SharedData.ClothingPhoto(TestImages.RealPhoto));

        PhotoFormat format = PhotoFormatSniffer.Sniff(photo);

        Assert.Equal(PhotoFormat.Jpeg, format);
    }

    [Theory]
    [MemberData(nameof(UnsupportedHeaders))]
    public void Sniff_OtherFormats_AreUnsupported(string kind, byte[] file)
    {
        PhotoFormat format = PhotoFormatSniffer.Sniff(file);

        Assert.True(format == PhotoFormat.Unsupported, $"{kind} was sniffed as {format}.");
    }
}
