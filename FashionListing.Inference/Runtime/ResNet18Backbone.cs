using System.Diagnostics;
using FashionListing.Inference.Models;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using SkiaSharp;

namespace FashionListing.Inference.Runtime;

/// <summary>
/// The pretrained ResNet18 image backbone (ImageNet weights, shipped in the
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 package): 512 pooled features for classification and
/// the spatial maps of its last three stages for the per-pixel mask head.
/// </summary>
/// <remarks>
/// One ONNX Runtime session, created once; <see cref="Extract(SKBitmap, SKRectI, int, int)"/> is safe to
/// call from several threads. The package's graph only exposes the pooled output and a fixed
/// 224x224 input, so on load the graph is edited in memory: the input's height and width become
/// free and the three stage outputs are added as graph outputs.
/// </remarks>
public sealed partial class ResNet18Backbone : IDisposable
{
    /// <summary>The side the network was trained at; embeddings are computed at this size.</summary>
    public const int NativeSize = 224;

    /// <summary>Length of <see cref="BackboneFeatures.Embedding"/>.</summary>
    public const int EmbeddingLength = 512;

    /// <summary>The name of the network's input tensor.</summary>
    public const string InputName = "Input247";
    private const string Stage2Name = "ReLU315_Output_0";
    private const string Stage3Name = "ReLU347_Output_0";
    private const string Stage4Name = "ReLU393_Output_0";
    private const string BackboneFile = "ResNet18.onnx";
    private const string PreprocessFile = "ResNetPreprocess.onnx";

    private static readonly string[] s_outputNames = [Stage2Name, Stage3Name, Stage4Name];

    private readonly InferenceSession _session;

    // The package's preprocessing graph turns RGB 0-255 into BGR minus a per-pixel mean image
    // at 224x224. That is two elementwise operations, so it is applied here with the graph's own
    // constants; other input sizes use the mean image's per-channel averages.
    private readonly float[] _meanImage;
    private readonly float[] _channelMeans;

    /// <summary>Loads the backbone from the configured backbone folder.</summary>
    public ResNet18Backbone(
        IOptions<InferenceOptions> options,
        OnnxSessionFactory sessionFactory,
        ILogger<ResNet18Backbone> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sessionFactory);
        string folder = InferenceOptions.Resolve(options.Value.BackboneFolder);
        string backbonePath = Path.Combine(folder, BackboneFile);
        string preprocessPath = Path.Combine(folder, PreprocessFile);
        foreach (string path in new[] { backbonePath, preprocessPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The backbone file {path} is missing. The build copies it from the NuGet package "
                    + "Microsoft.ML.DnnImageFeaturizer.ResNet18; rebuild, or fix Inference:BackboneFolder.", path);
            }
        }

        long started = Stopwatch.GetTimestamp();
        _meanImage = ReadMeanImage(preprocessPath);
        _channelMeans = new float[3];
        int plane = NativeSize * NativeSize;
        for (int c = 0; c < 3; c++)
        {
            double sum = 0;
            for (int i = 0; i < plane; i++)
            {
                sum += _meanImage[(c * plane) + i];
            }

            _channelMeans[c] = (float)(sum / plane);
        }

        _session = sessionFactory.Create("ResNet18 backbone", ExposeStages(File.ReadAllBytes(backbonePath)));
        Log.Loaded(logger, folder, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Runs the backbone on a region of an image, resized (stretched) to <paramref name="width"/> x
    /// <paramref name="height"/>.
    /// </summary>
    /// <param name="image">The image; any colour type SkiaSharp can draw.</param>
    /// <param name="region">The part of the image to use, in its pixels.</param>
    /// <param name="width">Network input width; a multiple of 32.</param>
    /// <param name="height">Network input height; a multiple of 32.</param>
    public BackboneFeatures Extract(SKBitmap image, SKRectI region, int width = NativeSize, int height = NativeSize)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (width % 32 != 0 || height % 32 != 0 || width < 32 || height < 32)
        {
            throw new ArgumentOutOfRangeException(
                nameof(width), $"The input is {width}x{height}; both sides must be positive multiples of 32.");
        }

        float[] input = ToInput(image, region, width, height);

        return Run(input, width, height);
    }

    /// <summary>
    /// What <see cref="Extract(SKBitmap, SKRectI, int, int)"/> feeds the network at a given input size, in the
    /// words of a model manifest: the region stretched to the size, BGR channels first, 0-255 values minus a
    /// per-channel mean, no division.
    /// </summary>
    /// <remarks>
    /// At exactly 224x224 the package's per-pixel mean image is subtracted instead; its per-channel averages,
    /// given here, describe that case only approximately.
    /// </remarks>
    /// <param name="width">Network input width.</param>
    /// <param name="height">Network input height.</param>
    public ModelInputSpec DescribeInput(int width, int height) => new()
    {
        Name = InputName,
        Width = width,
        Height = height,
        Layout = TensorLayout.Nchw,
        Resize = ResizeMode.Stretch,
        Channels = ChannelOrder.Bgr,
        Scale = 1f,
        Mean = [.. _channelMeans],
        Std = [1f, 1f, 1f],
    };

    /// <summary>Runs the backbone on a whole image resized to the network's native 224x224.</summary>
    /// <param name="image">The image.</param>
    public BackboneFeatures Extract(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);

        return Extract(image, new SKRectI(0, 0, image.Width, image.Height));
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private BackboneFeatures Run(float[] input, int width, int height)
    {
        DenseTensor<float> tensor = new(input, [1, 3, height, width]);
        NamedOnnxValue[] inputs = [NamedOnnxValue.CreateFromTensor(InputName, tensor)];
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = _session.Run(inputs, s_outputNames);

        FeatureMap stage2 = ToMap(results.First(r => r.Name == Stage2Name));
        FeatureMap stage3 = ToMap(results.First(r => r.Name == Stage3Name));
        FeatureMap stage4 = ToMap(results.First(r => r.Name == Stage4Name));

        return new BackboneFeatures(GlobalAverage(stage4), stage2, stage3, stage4);
    }

    private float[] ToInput(SKBitmap image, SKRectI region, int width, int height)
    {
        using SKBitmap resized = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (SKCanvas canvas = new(resized))
        {
            using SKImage source = SKImage.FromBitmap(image);
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(
                source,
                new SKRect(region.Left, region.Top, region.Right, region.Bottom),
                new SKRect(0, 0, width, height),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
                paint: null);
        }

        ReadOnlySpan<byte> rgba = resized.GetPixelSpan();
        int plane = width * height;
        float[] input = new float[3 * plane];
        bool native = width == NativeSize && height == NativeSize;
        for (int i = 0; i < plane; i++)
        {
            // Channel order BGR, as the Caffe-trained network expects.
            for (int c = 0; c < 3; c++)
            {
                float mean = native ? _meanImage[(c * plane) + i] : _channelMeans[c];
                input[(c * plane) + i] = rgba[(i * 4) + (2 - c)] - mean;
            }
        }

        return input;
    }

    private static FeatureMap ToMap(DisposableNamedOnnxValue value)
    {
        Tensor<float> tensor = value.AsTensor<float>();
        ReadOnlySpan<int> dims = tensor.Dimensions;

        return new FeatureMap(dims[1], dims[2], dims[3], tensor.ToArray());
    }

    private static float[] GlobalAverage(FeatureMap map)
    {
        float[] pooled = new float[map.Channels];
        int plane = map.Height * map.Width;
        for (int c = 0; c < map.Channels; c++)
        {
            double sum = 0;
            for (int i = 0; i < plane; i++)
            {
                sum += map.Values[(c * plane) + i];
            }

            pooled[c] = (float)(sum / plane);
        }

        return pooled;
    }

    private static float[] ReadMeanImage(string preprocessPath)
    {
        ModelProto model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocessPath));
        TensorProto mean = model.Graph.Initializer.Single(t => t.Name == "MeanImage");
        float[] values = mean.FloatData.ToArray();
        if (values.Length != 3 * NativeSize * NativeSize)
        {
            throw new InvalidDataException(
                $"The mean image in {preprocessPath} has {values.Length} values; expected {3 * NativeSize * NativeSize}.");
        }

        return values;
    }

    private static byte[] ExposeStages(byte[] backbone)
    {
        ModelProto model = ModelProto.Parser.ParseFrom(backbone);
        GraphProto graph = model.Graph;
        TensorShapeProto inputShape = graph.Input.Single(i => i.Name == InputName).Type.TensorType.Shape;
        inputShape.Dim[2] = new TensorShapeProto.Types.Dimension { DimParam = "height" };
        inputShape.Dim[3] = new TensorShapeProto.Types.Dimension { DimParam = "width" };

        // The fixed 7x7 average pool is only valid at 224x224; the pooled embedding is computed
        // from stage 4 instead, so the pool and its output are removed.
        NodeProto pool = graph.Node.Single(n => n.OpType == "AveragePool");
        graph.Node.Remove(pool);
        graph.Output.Clear();
        foreach (string name in s_outputNames)
        {
            graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto
                {
                    TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float },
                },
            });
        }

        graph.ValueInfo.Clear();

        return model.ToByteArray();
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Information, "ResNet18 backbone loaded from {Folder} in {ElapsedMs:F0} ms")]
        public static partial void Loaded(ILogger logger, string folder, double elapsedMs);
    }
}
