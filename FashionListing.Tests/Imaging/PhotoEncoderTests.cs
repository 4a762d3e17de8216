using FashionListing.Inference.Imaging;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

public sealed class PhotoEncoderTests
{
    private readonly PhotoDecoder _decoder = TestImages.Decoder();

    [Fact]
    public void Encode_PhotoWithExifGpsAndXmp_WritesNoMetadata()
    {
        byte[] file = TestImages.InsertAfterStartOfImage(
            TestImages.QuadrantJpeg(64, 32),
            TestImages.App1(TestImages.ExifWithGps()),
            TestImages.App1(TestImages.Xmp()));
        Assert.Equal(2, TestImages.MarkersBeforeScan(file).Count(marker => marker == 0xE1));
        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);
        Assert.NotNull(photo);

        CleanPhoto clean;
        using (photo)
        {
            clean = PhotoEncoder.Encode(photo);
        }

        List<byte> markers = TestImages.MarkersBeforeScan(clean.Jpeg);
        Assert.DoesNotContain((byte)0xE1, markers);
        Assert.DoesNotContain(markers, marker => marker is >= 0xE1 and <= 0xEF or 0xFE);
        Assert.Equal(-1, clean.Jpeg.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, clean.Jpeg.AsSpan().IndexOf(TestImages.XmpNamespace));
    }

    [Fact]
    public void Encode_BitmapWithSrgbColourSpace_DropsTheIccProfile()
    {
        // Skia writes an APP2 ICC profile for any bitmap with a colour space, as decoded photos have.
        SKImageInfo info = new(32, 32, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using SKBitmap bitmap = new(info);
        bitmap.Erase(SKColors.Teal);

        CleanPhoto clean = PhotoEncoder.Encode(bitmap);

        Assert.Equal([0xE0, 0xDB, 0xDB, 0xC0, 0xC4, 0xC4, 0xC4, 0xC4], TestImages.MarkersBeforeScan(clean.Jpeg));
        Assert.Equal(-1, clean.Jpeg.AsSpan().IndexOf("ICC_PROFILE"u8));
    }

    [Fact]
    public void Encode_RotatedPhoto_ReadsBackUprightWithoutOrientation()
    {
        byte[] file = TestImages.InsertAfterStartOfImage(
            TestImages.QuadrantJpeg(64, 32),
            TestImages.App1(TestImages.ExifOrientation(6)));
        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);
        Assert.NotNull(photo);

        CleanPhoto clean;
        using (photo)
        {
            clean = PhotoEncoder.Encode(photo);
        }

        Assert.Equal((32, 64), (clean.Width, clean.Height));
        using SKData data = SKData.CreateCopy(clean.Jpeg);
        using SKCodec codec = SKCodec.Create(data);
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        Assert.Equal(new SKSizeI(32, 64), codec.Info.Size);
        using SKBitmap readBack = SKBitmap.Decode(codec);
        TestImages.AssertColour(TestImages.Blue, TestImages.Corners(readBack)[0], "top-left");
        TestImages.AssertColour(TestImages.Red, TestImages.Corners(readBack)[1], "top-right");
    }

    [Fact]
    public void Encode_RealSellerPhoto_KeepsSizeAndStartsWithJfif()
    {
        byte[] file = File.ReadAllBytes(Support.SharedData.ClothingPhoto(TestImages.RealPhoto));
        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);
        Assert.NotNull(photo);

        CleanPhoto clean;
        using (photo)
        {
            clean = PhotoEncoder.Encode(photo);
        }

        Assert.Equal((400, 534), (clean.Width, clean.Height));
        byte[] jfifStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0];
        Assert.Equal(jfifStart, clean.Jpeg[..jfifStart.Length]);
        Assert.Equal([0xFF, 0xD9], clean.Jpeg[^2..]);
    }
}
