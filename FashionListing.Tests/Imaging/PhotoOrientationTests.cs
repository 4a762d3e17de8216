using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

/// <summary>
/// The stored test photo is 64 x 32 with red top-left, green top-right, blue bottom-left and
/// white bottom-right quarters. The expected upright corners follow from the EXIF definition of
/// each orientation (which side the stored first row and first column are displayed on),
/// worked out by hand: e.g. 6 puts the first row on the right and the first column on top, so
/// red (row 0, column 0) goes top-right and blue (last row, column 0) goes top-left.
/// </summary>
public sealed class PhotoOrientationTests
{
    private const int StoredWidth = 64;
    private const int StoredHeight = 32;

    private readonly PhotoDecoder _decoder = TestImages.Decoder();

    [Theory]
    [InlineData(1, false, "R", "G", "B", "W")]
    [InlineData(2, false, "G", "R", "W", "B")]
    [InlineData(3, false, "W", "B", "G", "R")]
    [InlineData(4, false, "B", "W", "R", "G")]
    [InlineData(5, true, "R", "B", "G", "W")]
    [InlineData(6, true, "B", "R", "W", "G")]
    [InlineData(7, true, "W", "G", "B", "R")]
    [InlineData(8, true, "G", "W", "R", "B")]
    public void TryDecode_ExifOrientation_CornersMoveAsTheTagSays(
        int orientation,
        bool quarterTurn,
        string topLeft,
        string topRight,
        string bottomLeft,
        string bottomRight)
    {
        byte[] file = TestImages.InsertAfterStartOfImage(
            TestImages.QuadrantJpeg(StoredWidth, StoredHeight),
            TestImages.App1(TestImages.ExifOrientation((ushort)orientation)));

        bool decoded = _decoder.TryDecode(file, out DecodedPhoto? photo, out PhotoRejected? rejection);

        Assert.True(decoded, rejection?.Message);
        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal((SKEncodedOrigin)orientation, photo.Origin);
            (int width, int height) expected = quarterTurn ? (StoredHeight, StoredWidth) : (StoredWidth, StoredHeight);
            Assert.Equal(expected, (photo.Width, photo.Height));
            Assert.Equal(expected, (photo.OriginalWidth, photo.OriginalHeight));
            AssertCorners(photo.Bitmap, topLeft, topRight, bottomLeft, bottomRight);
        }
    }

    [Fact]
    public void TryDecode_IntelByteOrderOrientation6_TurnsAQuarterClockwise()
    {
        byte[] file = TestImages.InsertAfterStartOfImage(
            TestImages.QuadrantJpeg(StoredWidth, StoredHeight),
            TestImages.App1(TestImages.ExifOrientation(6, bigEndian: false)));

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal((StoredHeight, StoredWidth), (photo.Width, photo.Height));
            AssertCorners(photo.Bitmap, "B", "R", "W", "G");
        }
    }

    [Fact]
    public void TryDecode_LargeJpegWithOrientation6_ScaledAndTurned()
    {
        // Stored 4000 x 3000, upright 3000 x 4000; the long side 4000 shrinks to 2048, so the short
        // side is 3000 * 2048 / 4000 = 1536.
        byte[] file = TestImages.InsertAfterStartOfImage(
            TestImages.TwelveMegapixelJpeg,
            TestImages.App1(TestImages.ExifOrientation(6)));

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal((1536, 2048), (photo.Width, photo.Height));
            Assert.Equal((3000, 4000), (photo.OriginalWidth, photo.OriginalHeight));
            Assert.Equal(new SKSizeI(2500, 1875), photo.CodecSize);
            AssertCorners(photo.Bitmap, "B", "R", "W", "G");
        }
    }

    private static void AssertCorners(SKBitmap bitmap, params string[] expected)
    {
        SKColor[] corners = TestImages.Corners(bitmap);
        string[] names = ["top-left", "top-right", "bottom-left", "bottom-right"];
        for (int i = 0; i < corners.Length; i++)
        {
            TestImages.AssertColour(Colour(expected[i]), corners[i], names[i]);
        }
    }

    private static SKColor Colour(string name) => name switch
    {
        "R" => TestImages.Red,
        "G" => TestImages.Green,
        "B" => TestImages.Blue,
        "W" => TestImages.White,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use R, G, B or W."),
    };
}
