using FashionListing.Inference.Imaging;
using FashionListing.Tests.Support;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

public sealed class PhotoFormatSnifferTests
{
    public static TheoryData<string, byte[]> UnsupportedHeaders => new()
    {
        { "GIF", "GIF89a\u0001\0\u0001\0\0\0\0"u8.ToArray() },
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
