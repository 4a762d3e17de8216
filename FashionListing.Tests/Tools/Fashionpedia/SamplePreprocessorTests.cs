using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;
using FashionListing.Tools.Fashionpedia;
using SkiaSharp;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class SamplePreprocessorTests
{
    [Fact]
    public void Prepare_StretchUpscale_MaskPixelBecomesABlockAndBoxScales()
    {
        // Photo 4 wide, 2 high into 8 x 8: 2 input pixels per photo pixel across, 4 down. Photo pixel
        // (x 1, y 0) covers input x 2-3, y 0-3; its box [1, 0, 2, 1] maps to [2, 0, 4, 4].
        using SKBitmap photo = SolidPhoto(4, 2);
        FashionpediaSample sample = SampleWithPixel(4, 2, x: 1, y: 0);
        SamplePreprocessor preprocessor = new(Input(ResizeMode.Stretch, 8));

        PreparedSample prepared = preprocessor.Prepare(photo, sample);

        PreparedInstance instance = Assert.Single(prepared.Instances);
        Assert.Equal(Block((2, 4), (0, 4)), SetOf(instance.Mask, 8));
        Assert.Equal(new PixelBox(2, 0, 4, 4), instance.Box);
        Assert.Equal(new PixelBox(1, 0, 2, 1), instance.PhotoBox);
    }

    [Fact]
    public void Prepare_LetterboxWidePhoto_MaskAndBoxMoveDownByThePadding()
    {
        // Photo 4 x 2 into 8 x 8 letterboxed: one scale of 2, content 8 x 4, padding (8 - 4) / 2 = 2 rows above.
        // Photo pixel (x 1, y 0) covers input x 2-3, y 2-3; the box is [2, 2, 4, 4].
        using SKBitmap photo = SolidPhoto(4, 2);
        FashionpediaSample sample = SampleWithPixel(4, 2, x: 1, y: 0);
        SamplePreprocessor preprocessor = new(Input(ResizeMode.Letterbox, 8));

        PreparedSample prepared = preprocessor.Prepare(photo, sample);

        PreparedInstance instance = Assert.Single(prepared.Instances);
        Assert.Equal(Block((2, 4), (2, 4)), SetOf(instance.Mask, 8));
        Assert.Equal(new PixelBox(2, 2, 4, 4), instance.Box);
    }

    [Fact]
    public void FitMask_LetterboxFractionalScale_TakesThePixelUnderEachCentre()
    {
        // Photo 3 x 1 into 4 x 4: scale min(4/3, 4) gives content 4 x 1 one row down (padding (4 - 1) / 2 = 1).
        // Photo x 1 spans input x 4/3 to 8/3; the centres 1.5 and 2.5 fall inside, so input (1, 1) and (2, 1).
        byte[] photoMask = [0, 1, 0];
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 3, 1, 4, 4);

        byte[] mask = SamplePreprocessor.FitMask(photoMask, fit);
        PixelBox box = SamplePreprocessor.FitBox(SamplePreprocessor.BoxOf(photoMask, 3, 1)!, fit);

        Assert.Equal(new HashSet<(int, int)> { (1, 1), (2, 1) }, SetOf(mask, 4));
        Assert.Equal(4.0 / 3, box.Left, 9);
        Assert.Equal(8.0 / 3, box.Right, 9);
        Assert.Equal(1, box.Top, 9);
        Assert.Equal(2, box.Bottom, 9);
    }

    [Fact]
    public void FitMask_StretchDownscale_SamplesThePhotoPixelUnderEachInputCentre()
    {
        // Photo 4 x 4 into 2 x 2: input pixel i has its centre at i + 0.5, photo coordinate 2i + 1, so it takes
        // photo pixel (2i + 1). Photo (1, 1) is kept as input (0, 0); photo (2, 2) falls between centres and is
        // lost, the documented cost of nearest sampling.
        byte[] photoMask = new byte[16];
        photoMask[(1 * 4) + 1] = 1;
        photoMask[(2 * 4) + 2] = 1;
        InputFit fit = InputFit.Create(ResizeMode.Stretch, 4, 4, 2, 2);

        byte[] mask = SamplePreprocessor.FitMask(photoMask, fit);

        Assert.Equal([1, 0, 0, 0], mask);
    }

    [Fact]
    public void Prepare_LetterboxSolidPhoto_NormalisesContentAndPaddingWithImageNetStatistics()
    {
        using SKBitmap photo = SolidPhoto(4, 2);
        SamplePreprocessor preprocessor = new(Input(ResizeMode.Letterbox, 8));

        PreparedSample prepared = preprocessor.Prepare(photo, SampleWithPixel(4, 2, 0, 0));

        // NCHW: plane c starts at c * 64; row 3 is content, row 0 padding (grey 114).
        Assert.Equal(((200 / 255f) - 0.485f) / 0.229f, prepared.Pixels[(0 * 64) + (3 * 8) + 5], 4);
        Assert.Equal(((100 / 255f) - 0.456f) / 0.224f, prepared.Pixels[(1 * 64) + (3 * 8) + 5], 4);
        Assert.Equal(((50 / 255f) - 0.406f) / 0.225f, prepared.Pixels[(2 * 64) + (3 * 8) + 5], 4);
        Assert.Equal(((114 / 255f) - 0.485f) / 0.229f, prepared.Pixels[(0 * 64) + (0 * 8) + 5], 4);
        Assert.Equal(3 * 64, prepared.Pixels.Length);
    }

    [Fact]
    public void ImageNetInput_Default_Is384SquareNchwWithImageNetStatistics()
    {
        ModelInputSpec input = SamplePreprocessor.ImageNetInput();

        Assert.Equal((384, 384, TensorLayout.Nchw, ResizeMode.Stretch), (input.Width, input.Height, input.Layout,
            input.Resize));
        Assert.Equal([0.485f, 0.456f, 0.406f], input.Mean);
        Assert.Equal([0.229f, 0.224f, 0.225f], input.Std);
    }

    [Fact]
    public void Prepare_EmptyMask_HasNoBoxAndAnEmptyInputMask()
    {
        using SKBitmap photo = SolidPhoto(4, 2);
        FashionpediaSample sample = new("p", 2, 4, [new FashionpediaInstance(3, [], string.Empty)]);

        PreparedSample prepared = new SamplePreprocessor(Input(ResizeMode.Stretch, 8)).Prepare(photo, sample);

        Assert.Null(prepared.Instances[0].Box);
        Assert.All(prepared.Instances[0].Mask, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Prepare_PhotoOfAnotherSize_ThrowsNamingBothSizes()
    {
        using SKBitmap photo = SolidPhoto(5, 2);
        FashionpediaSample sample = SampleWithPixel(4, 2, 0, 0);
        SamplePreprocessor preprocessor = new(Input(ResizeMode.Stretch, 8));

        ArgumentException error = Assert.Throws<ArgumentException>(() => preprocessor.Prepare(photo, sample));

        Assert.Contains("is 5 x 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("for 4 x 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_SamplePhotoLetterboxed_MasksShrinkByTheScaleSquaredAndBoxesShiftByThePadding()
    {
        // 618 x 1000 into 384 x 384: scale 0.384, content 237 x 384 (618 * 0.384 = 237.3), padding
        // (384 - 237) / 2 = 73 columns on the left. A mask's area shrinks by (237 / 618) * (384 / 1000).
        string folder = SharedData.Fashionpedia;
        FashionpediaTaxonomy taxonomy = FashionpediaTaxonomy.Load(Path.Combine(folder, FashionpediaTaxonomy.FileName));
        FashionpediaSample sample = CocoImport.Convert(
            Path.Combine(folder, "sample.json"), Path.Combine(folder, "images"), taxonomy).Samples[0];
        SamplePreprocessor preprocessor = new(SamplePreprocessor.ImageNetInput(ResizeMode.Letterbox));

        PreparedSample prepared = preprocessor.Prepare(Path.Combine(folder, "images", "000000009813.jpg"), sample);

        Assert.Equal(3 * 384 * 384, prepared.Pixels.Length);
        Assert.Equal(6, prepared.Instances.Count);
        PreparedInstance dress = prepared.Instances[2];
        double photoArea = sample.Instances[2].DecodeMask(1000, 618).Count(v => v == 1);
        Assert.InRange(dress.Mask.Count(v => v == 1) / (photoArea * (237.0 / 618) * 0.384), 0.98, 1.02);
        Assert.Equal(73 + (dress.PhotoBox!.Left * 237 / 618), dress.Box!.Left, 6);
        Assert.Equal(dress.PhotoBox.Bottom * 0.384, dress.Box.Bottom, 6);
        Assert.All(prepared.Instances, i => Assert.True(i.Mask.Where((_, p) => p % 384 < 73).All(v => v == 0)));
    }

    private static ModelInputSpec Input(ResizeMode resize, int size) => SamplePreprocessor.ImageNetInput(resize, size);

    private static SKBitmap SolidPhoto(int width, int height)
    {
        SKBitmap photo = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        photo.Erase(new SKColor(200, 100, 50));

        return photo;
    }

    private static FashionpediaSample SampleWithPixel(int width, int height, int x, int y)
    {
        byte[] mask = new byte[width * height];
        mask[(y * width) + x] = 1;

        return new FashionpediaSample("p", height, width,
            [new FashionpediaInstance(31, [204], KaggleRle.Encode(mask, height, width))]);
    }

    private static HashSet<(int X, int Y)> SetOf(byte[] mask, int width) =>
        [.. Enumerable.Range(0, mask.Length).Where(i => mask[i] != 0).Select(i => (i % width, i / width))];

    // The pixels of the block [xs.From, xs.To) x [ys.From, ys.To).
    private static HashSet<(int X, int Y)> Block((int From, int To) xs, (int From, int To) ys) =>
        [.. Enumerable.Range(xs.From, xs.To - xs.From)
            .SelectMany(x => Enumerable.Range(ys.From, ys.To - ys.From).Select(y => (x, y)))];
}
