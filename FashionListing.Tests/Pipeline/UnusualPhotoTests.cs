using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Imaging;
using SkiaSharp;

namespace FashionListing.Tests.Pipeline;

/// <summary>
/// Unusual but valid photos through the real starter model: each is built from a dark garment-like rectangle
/// at a known place on a light floor, and the returned mask must cover that rectangle where it is in the
/// upright photo. The control case (an ordinary JPEG of the same scene) sets what "covers" means here.
/// </summary>
public sealed class UnusualPhotoTests : IClassFixture<StarterListingSuggesterTests.Model>
{
    private const int Width = 240;
    private const int Height = 320;
    private const double MinIoU = 0.85;
    private const int EdgeTolerance = 8;

    // Off centre and aligned to 8 pixels, so the flat-block CMYK JPEG draws it exactly.
    private static readonly SKRectI s_garment = new(48, 64, 176, 272);

    // Where the second frame of an animation puts the garment: elsewhere, so a mask there means the wrong frame.
    private static readonly SKRectI s_secondFrameGarment = new(128, 16, 224, 136);

    private readonly IListingSuggester _suggester;

    public UnusualPhotoTests(StarterListingSuggesterTests.Model model)
    {
        _suggester = model.Suggester;
    }

    [Fact]
    public async Task SuggestAsync_OrdinaryJpegOfTheScene_MaskCoversTheGarment()
    {
        using SKBitmap scene = GarmentScene.Draw(Width, Height, s_garment);
        byte[] file = TestImages.Jpeg(scene);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
    }

    [Fact]
    public async Task SuggestAsync_PortraitStoredSidewaysWithOrientation6_UprightPhotoAndMaskWhereUpright()
    {
        // Orientation 6 shows the stored photo turned a quarter clockwise, so the stored photo is the upright
        // scene turned a quarter anticlockwise: upright (x, y) is stored at (y, Width - 1 - x), and the
        // garment's upright columns [48, 176) become stored rows [240 - 176, 240 - 48) = [64, 192).
        SKRectI stored = new(s_garment.Top, Width - s_garment.Right, s_garment.Bottom, Width - s_garment.Left);
        using SKBitmap sideways = GarmentScene.Draw(Height, Width, stored);
        byte[] file = TestImages.InsertAfterStartOfImage(
            TestImages.Jpeg(sideways),
            TestImages.App1(TestImages.ExifOrientation(6)));

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        using SKBitmap storedPhoto = SKBitmap.Decode(analysed.Photo.Jpeg);
        Assert.Equal((Width, Height), (storedPhoto.Width, storedPhoto.Height));
        TestImages.AssertColour(GarmentScene.Garment, storedPhoto.GetPixel(60, 260), "garment's lower left", 16);
        TestImages.AssertColour(GarmentScene.Floor, storedPhoto.GetPixel(200, 40), "floor, top right", 16);
    }

    [Fact]
    public async Task SuggestAsync_AdobeCmykJpeg_ColoursRightAndMaskCoversTheGarment()
    {
        // A CMYK JPEG without Adobe's marker is refused instead (see HostilePhotoTests): Skia would show it as a
        // negative, with this same mask.
        using SKBitmap scene = GarmentScene.Draw(Width, Height, s_garment);
        byte[] file = HandBuiltImages.CmykJpeg(scene, adobeInverted: true);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        AssertSceneColours(analysed, tolerance: 16);
    }

    [Fact]
    public async Task SuggestAsync_SixteenBitPng_MaskCoversTheGarment()
    {
        using SKBitmap scene = GarmentScene.Draw(Width, Height, s_garment);
        byte[] file = HandBuiltImages.Png(scene, HandBuiltImages.PngColour.Rgb, bitDepth: 16);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        AssertSceneColours(analysed, tolerance: 6);
    }

    [Fact]
    public async Task SuggestAsync_GreyscaleJpeg_MaskCoversTheGarment()
    {
        using SKBitmap scene = GreyScene(opaqueFloor: true);
        using SKBitmap grey = new(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));
        scene.CopyTo(grey, SKColorType.Gray8);
        byte[] file = TestImages.Jpeg(grey);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
    }

    [Fact]
    public async Task SuggestAsync_PalettePng_MaskCoversTheGarment()
    {
        using SKBitmap scene = GarmentScene.Draw(Width, Height, s_garment);
        byte[] file = HandBuiltImages.Png(scene, HandBuiltImages.PngColour.Palette);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        AssertSceneColours(analysed, tolerance: 6);
    }

    [Fact]
    public async Task SuggestAsync_GreyWithAlphaPngOfACutOut_FlattenedOntoWhiteAndMaskCoversTheGarment()
    {
        // The floor is transparent black: shown as black, the dark garment would vanish into it.
        using SKBitmap scene = GreyScene(opaqueFloor: false);
        byte[] file = HandBuiltImages.Png(scene, HandBuiltImages.PngColour.GreyAlpha);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        using SKBitmap stored = SKBitmap.Decode(analysed.Photo.Jpeg);
        TestImages.AssertColour(SKColors.White, stored.GetPixel(10, 10), "transparent floor", 4);
    }

    [Fact]
    public async Task SuggestAsync_TransparentPngOfACutOutGarment_FlattenedOntoWhiteAndMaskCoversTheGarment()
    {
        using SKBitmap cutOut = new(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        cutOut.Erase(SKColors.Transparent);
        using (SKCanvas canvas = new(cutOut))
        {
            using SKPaint paint = new() { Color = GarmentScene.Garment };
            canvas.DrawRect(s_garment, paint);
        }

        byte[] file = TestImages.Png(cutOut);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        using SKBitmap stored = SKBitmap.Decode(analysed.Photo.Jpeg);
        TestImages.AssertColour(SKColors.White, stored.GetPixel(10, 10), "transparent floor", 4);
        TestImages.AssertColour(GarmentScene.Garment, stored.GetPixel(100, 150), "garment", 8);
    }

    [Fact]
    public async Task SuggestAsync_AnimatedGif_FirstFrameUsed()
    {
        using SKBitmap first = GarmentScene.Draw(Width, Height, s_garment);
        using SKBitmap second = GarmentScene.Draw(Width, Height, s_secondFrameGarment);
        byte[] file = HandBuiltImages.AnimatedGif(first, second);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
        AssertSceneColours(analysed, tolerance: 6);
    }

    [Fact]
    public async Task SuggestAsync_AnimatedWebp_FirstFrameUsed()
    {
        using SKBitmap first = GarmentScene.Draw(Width, Height, s_garment);
        using SKBitmap second = GarmentScene.Draw(Width, Height, s_secondFrameGarment);
        byte[] file = HandBuiltImages.AnimatedWebp(first, second);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, s_garment, Width, Height);
    }

    [Fact]
    public async Task SuggestAsync_Tiny32By32Photo_MaskCoversTheGarment()
    {
        SKRectI garment = new(8, 6, 22, 28);
        using SKBitmap scene = GarmentScene.Draw(32, 32, garment);
        byte[] file = TestImages.Png(scene);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, garment, 32, 32, minIoU: 0.7, edgeTolerance: 3);
    }

    [Fact]
    public async Task SuggestAsync_TwelveMegapixelPhoneJpeg_StoredAt2048AndMaskCoversTheGarmentThere()
    {
        // 4000 x 3000 is scaled to 2048 x 1536 (0.512), so the garment at (1000, 500)-(2500, 2500) is stored at
        // (512, 256)-(1280, 1280). How long this takes is in docs/benchmarks.md, not in a test.
        using SKBitmap scene = GarmentScene.Draw(4000, 3000, new SKRectI(1000, 500, 2500, 2500));
        byte[] file = TestImages.Jpeg(scene);

        PhotoAnalysed analysed = await AnalyseAsync(file);

        AssertGarmentAt(analysed, new SKRectI(512, 256, 1280, 1280), 2048, 1536, edgeTolerance: 16);
    }

    private async Task<PhotoAnalysed> AnalyseAsync(byte[] file)
    {
        SuggestionOutcome outcome = await _suggester.SuggestAsync(file, CancellationToken.None);

        Assert.True(outcome is PhotoAnalysed, $"Expected an analysis, got {outcome}.");

        return (PhotoAnalysed)outcome;
    }

    private static void AssertGarmentAt(
        PhotoAnalysed analysed,
        SKRectI garment,
        int width,
        int height,
        double minIoU = MinIoU,
        int edgeTolerance = EdgeTolerance)
    {
        Assert.Equal((width, height), (analysed.Photo.Width, analysed.Photo.Height));
        GarmentSuggestion suggestion = Assert.Single(analysed.Garments);
        Assert.Equal((width, height), (suggestion.Mask.Width, suggestion.Mask.Height));
        GarmentScene.AssertMaskCovers(suggestion.Mask, garment, minIoU, edgeTolerance);
    }

    private static void AssertSceneColours(PhotoAnalysed analysed, int tolerance)
    {
        using SKBitmap stored = SKBitmap.Decode(analysed.Photo.Jpeg);
        TestImages.AssertColour(GarmentScene.Floor, stored.GetPixel(20, 20), "floor", tolerance);
        TestImages.AssertColour(GarmentScene.Garment, stored.GetPixel(100, 150), "garment", tolerance);
    }

    // A grey garment on a light grey floor, or on a transparent black floor.
    private static SKBitmap GreyScene(bool opaqueFloor)
    {
        SKBitmap bitmap = new(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.Erase(opaqueFloor ? new SKColor(220, 220, 220) : new SKColor(0, 0, 0, 0));
        using SKCanvas canvas = new(bitmap);
        using SKPaint paint = new() { Color = new SKColor(60, 60, 60) };
        canvas.DrawRect(s_garment, paint);

        return bitmap;
    }
}
