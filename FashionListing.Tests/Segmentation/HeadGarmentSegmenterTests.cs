using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Tests.Runtime;
using FashionListing.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tests.Segmentation;

public sealed class HeadGarmentSegmenterTests : IClassFixture<HeadGarmentSegmenterTests.Model>
{
    private readonly Model _model;

    public HeadGarmentSegmenterTests(Model model)
    {
        _model = model;
    }

    // The first five reference masks by file name, not picked for how well they segment.
    public static TheoryData<string> FirstFiveReferencePhotos => new(
        Directory.EnumerateFiles(Path.Combine(SharedData.ClothingDataset, "masks"), "*.png")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Take(5));

    [Theory]
    [MemberData(nameof(FirstFiveReferencePhotos))]
    public void Segment_ReferencePhoto_ReachesIoU085(string image)
    {
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto(image));
        byte[] reference = ReadReference(SharedData.ReferenceMask(image), photo.Width, photo.Height);

        GarmentMask mask = _model.Segmenter.Segment(photo);

        double iou = MaskMetrics.IoU(mask.Pixels, reference);
        Assert.True(iou >= 0.85, $"IoU of {image} is {iou:F3}; at least 0.85 is expected");
    }

    [Fact]
    public void Segment_RealPhoto_ReturnsAMaskOfThePhotosSize()
    {
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto("00003aeb-ace5-43bf-9a0c-dc31a03e9cd2"));

        GarmentMask mask = _model.Segmenter.Segment(photo);

        Assert.Equal((photo.Width, photo.Height), (mask.Width, mask.Height));
        Assert.Equal(photo.Width * photo.Height, mask.Pixels.Length);
        Assert.All(mask.Pixels, p => Assert.True(p is 0 or 1, $"pixel value {p}"));
    }

    [Fact]
    public void Segment_LandscapeCropOfAPhoto_ReturnsAMaskOfTheCropsSize()
    {
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto("00003aeb-ace5-43bf-9a0c-dc31a03e9cd2"));
        using SKBitmap landscape = new(photo.Width, 301);
        photo.ExtractSubset(landscape, new SKRectI(0, 50, photo.Width, 351));

        GarmentMask mask = _model.Segmenter.Segment(landscape);

        Assert.Equal((landscape.Width, landscape.Height), (mask.Width, mask.Height));
    }

    [Fact]
    public void Constructor_MissingWeights_ThrowsNamingThePathAndTheCommand()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-mask-head-" + Guid.NewGuid().ToString("N"));
        IOptions<InferenceOptions> options = Options.Create(new InferenceOptions { ModelFolder = folder });

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() =>
            new HeadGarmentSegmenter(options, _model.Backbone, NullLogger<HeadGarmentSegmenter>.Instance));

        Assert.Contains(Path.Combine(folder, MaskHead.FileName), error.Message, StringComparison.Ordinal);
        Assert.Contains("mask-train", error.Message, StringComparison.Ordinal);
    }

    internal static byte[] ReadReference(string path, int width, int height)
    {
        using SKBitmap decoded = SKBitmap.Decode(path);
        using SKBitmap rgba = decoded.Copy(SKColorType.Rgba8888);
        Assert.Equal((width, height), (rgba.Width, rgba.Height));
        ReadOnlySpan<byte> pixels = rgba.GetPixelSpan();
        byte[] mask = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                mask[(y * width) + x] = pixels[(y * rgba.RowBytes) + (x * 4)] > 127 ? (byte)1 : (byte)0;
            }
        }

        return mask;
    }

    public sealed class Model : IDisposable
    {
        public Model()
        {
            Backbone = ResNet18BackboneTests.CreateBackbone();
            IOptions<InferenceOptions> options = Options.Create(
                new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cpu });
            Segmenter = new HeadGarmentSegmenter(options, Backbone, NullLogger<HeadGarmentSegmenter>.Instance);
        }

        public ResNet18Backbone Backbone { get; }

        public HeadGarmentSegmenter Segmenter { get; }

        public void Dispose() => Backbone.Dispose();
    }
}
