using FashionListing.Inference.Runtime;
using FashionListing.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace FashionListing.Tests.Runtime;

public sealed class ResNet18BackboneTests
{
    private const string Photo = "00003aeb-ace5-43bf-9a0c-dc31a03e9cd2";

    [Fact]
    public void Extract_RealPhotoAt224_EqualsThePackagesOwnPipeline()
    {
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto(Photo));
        using ResNet18Backbone backbone = CreateBackbone();
        float[] rgb = ResizeToRgbPlanes(photo, ResNet18Backbone.NativeSize);

        float[] expected = RunPackageGraphs(rgb);
        BackboneFeatures features = backbone.Extract(photo);

        Assert.Equal(ResNet18Backbone.EmbeddingLength, features.Embedding.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - features.Embedding[i]) <= 1e-3f + (1e-3f * Math.Abs(expected[i])),
                $"feature {i}: package {expected[i]}, ours {features.Embedding[i]}");
        }
    }

    [Fact]
    public void Extract_NonSquareInput_GivesStageMapsAtStrides8To32()
    {
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto(Photo));
        using ResNet18Backbone backbone = CreateBackbone();

        BackboneFeatures features = backbone.Extract(photo, new SKRectI(0, 0, photo.Width, photo.Height), 256, 320);

        Assert.Equal((128, 40, 32), (features.Stage2.Channels, features.Stage2.Height, features.Stage2.Width));
        Assert.Equal((256, 20, 16), (features.Stage3.Channels, features.Stage3.Height, features.Stage3.Width));
        Assert.Equal((512, 10, 8), (features.Stage4.Channels, features.Stage4.Height, features.Stage4.Width));
    }

    internal static ResNet18Backbone CreateBackbone()
    {
        IOptions<InferenceOptions> options = Options.Create(new InferenceOptions { ExecutionProvider = ExecutionProviderChoice.Cpu });

        return new ResNet18Backbone(
            options,
            new OnnxSessionFactory(options, NullLogger<OnnxSessionFactory>.Instance),
            NullLogger<ResNet18Backbone>.Instance);
    }

    // The same bilinear resize the backbone uses, so that both pipelines see identical pixels.
    private static float[] ResizeToRgbPlanes(SKBitmap photo, int size)
    {
        using SKBitmap resized = new(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (SKCanvas canvas = new(resized))
        {
            using SKImage source = SKImage.FromBitmap(photo);
            canvas.DrawImage(
                source,
                new SKRect(0, 0, photo.Width, photo.Height),
                new SKRect(0, 0, size, size),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
                paint: null);
        }

        ReadOnlySpan<byte> rgba = resized.GetPixelSpan();
        int plane = size * size;
        float[] planes = new float[3 * plane];
        for (int i = 0; i < plane; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                planes[(c * plane) + i] = rgba[(i * 4) + c];
            }
        }

        return planes;
    }

    private static float[] RunPackageGraphs(float[] rgb)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "models", "backbone");
        using InferenceSession preprocess = new(Path.Combine(folder, "ResNetPreprocess.onnx"));
        using InferenceSession network = new(Path.Combine(folder, "ResNet18.onnx"));
        DenseTensor<float> input = new(rgb, [1, 3, 224, 224]);

        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> prepared =
            preprocess.Run([NamedOnnxValue.CreateFromTensor("OriginalInput", input)]);
        DenseTensor<float> bgr = new(prepared.Single().AsTensor<float>().ToArray(), [1, 3, 224, 224]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> pooled =
            network.Run([NamedOnnxValue.CreateFromTensor("Input247", bgr)]);

        return pooled.Single().AsTensor<float>().ToArray();
    }
}
