using FashionListing.Inference.Imaging;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

public sealed class PhotoScalingTests
{
    private readonly PhotoDecoder _decoder = TestImages.Decoder();

    [Fact]
    public void TryDecode_TwelveMegapixelJpeg_DecodedByTheCodecAtFiveEighths()
    {
        // 2048 / 4000 = 0.512. The JPEG codec scales by eighths: 4/8 gives 2000 x 1500, below
        // the target 2048 x 1536, so the smallest eighth that covers it is 5/8: 2500 x 1875.
        byte[] file = TestImages.TwelveMegapixelJpeg;

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(new SKSizeI(2500, 1875), photo.CodecSize);
            Assert.Equal(0.625f, photo.CodecScale);
            Assert.Equal((2048, 1536), (photo.Width, photo.Height));
            Assert.Equal((4000, 3000), (photo.OriginalWidth, photo.OriginalHeight));
            SKColor[] corners = TestImages.Corners(photo.Bitmap);
            TestImages.AssertColour(TestImages.Red, corners[0], "top-left");
            TestImages.AssertColour(TestImages.Green, corners[1], "top-right");
            TestImages.AssertColour(TestImages.Blue, corners[2], "bottom-left");
            TestImages.AssertColour(TestImages.White, corners[3], "bottom-right");
        }
    }

    [Fact]
    public void TryDecode_JpegNeedingAnEighth_DecodedByTheCodecAtOneEighth()
    {
        // With a stored side of 256, 256 / 2000 = 0.128 > 1/8, so 1/8 (250 x 125) is too small
        // and 2/8 (500 x 250) is the smallest eighth that covers 256 x 128.
        PhotoDecoder decoder = TestImages.Decoder(new PhotoLimits { MaxStoredSide = 256 });
        byte[] file = TestImages.QuadrantJpeg(2000, 1000);

        decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(new SKSizeI(500, 250), photo.CodecSize);
            Assert.Equal((256, 128), (photo.Width, photo.Height));
        }
    }

    [Fact]
    public void TryDecode_LargePng_DecodedInFullThenResized()
    {
        // PNG has no scaled decode. 3000 x 2000 fits 2048 wide: 2000 * 2048 / 3000 = 1365.3 -> 1365.
        using SKBitmap source = TestImages.Quadrants(3000, 2000);
        byte[] file = TestImages.Png(source);

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(new SKSizeI(3000, 2000), photo.CodecSize);
            Assert.Equal((2048, 1365), (photo.Width, photo.Height));
            TestImages.AssertColour(TestImages.Green, TestImages.Corners(photo.Bitmap)[1], "top-right");
        }
    }

    [Fact]
    public void TryDecode_GifLargerThanTheStoredSide_DecodedByTheCodecAtHalfThenResized()
    {
        // Unlike PNG, Skia's GIF codec decodes at a reduced scale (by keeping every second pixel): 4/8 of 600 x 400
        // is 300 x 200, the smallest eighth covering 256 x 171 (400 * 256 / 600 = 170.7 -> 171).
        PhotoDecoder decoder = TestImages.Decoder(new PhotoLimits { MaxStoredSide = 256 });
        using SKBitmap source = TestImages.Quadrants(600, 400);
        byte[] file = HandBuiltImages.AnimatedGif(source);

        decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(PhotoFormat.Gif, photo.Format);
            Assert.Equal(new SKSizeI(300, 200), photo.CodecSize);
            Assert.Equal((256, 171), (photo.Width, photo.Height));
            TestImages.AssertColour(TestImages.Green, TestImages.Corners(photo.Bitmap)[1], "top-right");
        }
    }

    [Fact]
    public void TryDecode_LargeWebp_DecodedByTheCodecAtSevenEighths()
    {
        // 2048 / 2400: the target is 2048 x 1365; 6/8 gives 1800 x 1200, 7/8 gives 2100 x 1400.
        using SKBitmap source = TestImages.Quadrants(2400, 1600);
        byte[] file = TestImages.Webp(source);

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(new SKSizeI(2100, 1400), photo.CodecSize);
            Assert.Equal((2048, 1365), (photo.Width, photo.Height));
        }
    }

    [Fact]
    public void TryDecode_PhotoWithinTheStoredSide_KeptAtFullSize()
    {
        byte[] file = TestImages.QuadrantJpeg(2048, 1024);

        _decoder.TryDecode(file, out DecodedPhoto? photo, out _);

        Assert.NotNull(photo);
        using (photo)
        {
            Assert.Equal(1f, photo.CodecScale);
            Assert.Equal((2048, 1024), (photo.Width, photo.Height));
        }
    }
}
