using System.Diagnostics;
using FashionListing.Inference.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Inference.Segmentation;

/// <summary>
/// Garment segmentation by a small head trained on ResNet18 features: the head scores every
/// 8x8-pixel cell of a small copy of the photo (128x160 for a portrait photo), the scores are
/// upsampled to the photo's own size, garment and background colour histograms estimated from them
/// add pixel-level detail, and the largest region, holes filled, is the garment.
/// </summary>
/// <remarks>
/// The head was trained on pseudo-labels from GrabCut; models/starter/mask-report.md has the
/// measurements and the commands. Only the largest region is kept, so a photo of two separate
/// garments (a pair of shoes apart) yields one of them. The backbone session and the head are
/// shared and read-only, so concurrent calls are safe.
/// </remarks>
public sealed partial class HeadGarmentSegmenter : IGarmentSegmenter
{
    private readonly ResNet18Backbone _backbone;
    private readonly MaskHead _head;
    private readonly MaskRefinement _refinement;

    /// <summary>Loads the head from <c>mask-head.bin</c> in the configured model folder.</summary>
    public HeadGarmentSegmenter(
        IOptions<InferenceOptions> options,
        ResNet18Backbone backbone,
        ILogger<HeadGarmentSegmenter> logger)
        : this(options, backbone, logger, MaskRefinement.Default)
    {
    }

    /// <summary>Loads the head, with other refinement settings (used by the evaluation tools).</summary>
    public HeadGarmentSegmenter(
        IOptions<InferenceOptions> options,
        ResNet18Backbone backbone,
        ILogger<HeadGarmentSegmenter> logger,
        MaskRefinement refinement)
        : this(InFolder(options), backbone, logger, refinement)
    {
    }

    /// <summary>
    /// Loads the head from a given file, e.g. the starter manifest's <see cref="Models.StarterModelPaths.MaskHead"/>.
    /// </summary>
    /// <param name="maskHeadPath">The mask head's weights.</param>
    /// <param name="backbone">The shared backbone.</param>
    /// <param name="logger">The log.</param>
    /// <param name="refinement">Refinement settings; <see cref="MaskRefinement.Default"/> for the app.</param>
    public HeadGarmentSegmenter(
        string maskHeadPath,
        ResNet18Backbone backbone,
        ILogger<HeadGarmentSegmenter> logger,
        MaskRefinement refinement)
    {
        ArgumentException.ThrowIfNullOrEmpty(maskHeadPath);
        ArgumentNullException.ThrowIfNull(refinement);
        _backbone = backbone ?? throw new ArgumentNullException(nameof(backbone));
        string path = maskHeadPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The mask head weights {path} are missing. They are committed in models/starter; to make them "
                + "again run: dotnet run --project FashionListing.Tools -c Release -- mask-train", path);
        }

        long started = Stopwatch.GetTimestamp();
        _head = MaskHead.Load(path);
        if (_head.Inputs != MaskHeadFeatures.Length)
        {
            throw new InvalidDataException(
                $"The mask head {path} takes {_head.Inputs} inputs per cell; "
                + $"this code builds {MaskHeadFeatures.Length}.");
        }

        _refinement = refinement;
        Log.Loaded(logger ?? throw new ArgumentNullException(nameof(logger)), path, _head.Hidden,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <inheritdoc />
    public GarmentMask Segment(SKBitmap photo)
    {
        CellScores scores = Score(photo);

        return Refine(photo, scores, _refinement);
    }

    /// <summary>The backbone input size this segmenter uses for a photo of the given size.</summary>
    /// <param name="photoWidth">Photo width.</param>
    /// <param name="photoHeight">Photo height.</param>
    public (int Width, int Height) InputSize(int photoWidth, int photoHeight) =>
        MaskHeadFeatures.InputSize(photoWidth, photoHeight, _head.InputWidth, _head.InputHeight);

    /// <summary>The head's logit for every cell of the photo's grid, before any refinement.</summary>
    /// <param name="photo">The upright photo.</param>
    public CellScores Score(SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        (int inputWidth, int inputHeight) = MaskHeadFeatures.InputSize(
            photo.Width, photo.Height, _head.InputWidth, _head.InputHeight);
        BackboneFeatures features = _backbone.Extract(
            photo, new SKRectI(0, 0, photo.Width, photo.Height), inputWidth, inputHeight);
        int gridWidth = features.Stage2.Width;
        int gridHeight = features.Stage2.Height;
        using SKBitmap colours = MaskHeadFeatures.CellColours(photo, gridWidth, gridHeight);

        return new CellScores(gridWidth, gridHeight, _head.Logits(features, colours));
    }

    /// <summary>
    /// Turns cell logits into a mask at the photo's size: bilinear upsampling, a colour model that
    /// adds its log-likelihood ratio to the head's logit, a guided filter on the photo's grey values,
    /// threshold, largest region, holes filled.
    /// </summary>
    /// <param name="photo">The photo the scores are for.</param>
    /// <param name="scores">The cell logits.</param>
    /// <param name="refinement">Refinement settings.</param>
    public static GarmentMask Refine(SKBitmap photo, CellScores scores, MaskRefinement refinement)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(refinement);
        int width = photo.Width;
        int height = photo.Height;
        using SKBitmap? converted = photo.ColorType == SKColorType.Rgba8888 ? null : photo.Copy(SKColorType.Rgba8888);
        SKBitmap rgba = converted ?? photo;
        ReadOnlySpan<byte> pixels = rgba.GetPixelSpan();
        float[] logits = UpsampleLogits(scores, width, height);
        float[] probability = new float[logits.Length];
        for (int i = 0; i < logits.Length; i++)
        {
            probability[i] = Sigmoid(logits[i]);
        }

        if (refinement.ColourWeight > 0 && refinement.ColourIterations > 0)
        {
            ushort[] bins = ColourModel.BinsOf(pixels, rgba.RowBytes, width, height);
            float clamp = refinement.PriorClamp;
            for (int round = 0; round < refinement.ColourIterations; round++)
            {
                float[] ratio = ColourModel.LogLikelihoodRatio(bins, probability, refinement.ColourLimit);
                for (int i = 0; i < logits.Length; i++)
                {
                    float prior = Math.Clamp(logits[i], -clamp, clamp);
                    probability[i] = Sigmoid(prior + (refinement.ColourWeight * ratio[i]));
                }
            }
        }

        if (refinement.Radius > 0)
        {
            float[] grey = Grey(pixels, rgba.RowBytes, width, height);
            probability = MaskPostProcessing.GuidedFilter(
                grey, probability, width, height, refinement.Radius, refinement.Epsilon);
        }

        byte[] mask = new byte[width * height];
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = probability[i] > refinement.Threshold ? (byte)1 : (byte)0;
        }

        MaskPostProcessing.KeepLargestComponent(mask, width, height);
        MaskPostProcessing.FillHoles(mask, width, height);

        return new GarmentMask(width, height, mask);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    // Rec. 601 luma scaled to 0-1.
    private static float[] Grey(ReadOnlySpan<byte> rgba, int rowBytes, int width, int height)
    {
        float[] grey = new float[width * height];
        for (int y = 0; y < height; y++)
        {
            int row = y * rowBytes;
            for (int x = 0; x < width; x++)
            {
                int p = row + (x * 4);
                grey[(y * width) + x] = ((0.299f * rgba[p]) + (0.587f * rgba[p + 1]) + (0.114f * rgba[p + 2])) / 255f;
            }
        }

        return grey;
    }

    private static float[] UpsampleLogits(CellScores scores, int width, int height)
    {
        int gw = scores.Width;
        int gh = scores.Height;
        float[] cells = scores.Logits;
        float[] result = new float[width * height];
        float sx = (float)gw / width;
        float sy = (float)gh / height;
        int[] x0s = new int[width];
        float[] wxs = new float[width];
        for (int x = 0; x < width; x++)
        {
            float fx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0, gw - 1);
            x0s[x] = Math.Min((int)fx, gw - 2);
            wxs[x] = fx - x0s[x];
        }

        for (int y = 0; y < height; y++)
        {
            float fy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0, gh - 1);
            int y0 = Math.Min((int)fy, gh - 2);
            float wy = fy - y0;
            int r0 = y0 * gw;
            int r1 = r0 + gw;
            for (int x = 0; x < width; x++)
            {
                int x0 = x0s[x];
                float wx = wxs[x];
                float top = cells[r0 + x0] + (wx * (cells[r0 + x0 + 1] - cells[r0 + x0]));
                float bottom = cells[r1 + x0] + (wx * (cells[r1 + x0 + 1] - cells[r1 + x0]));
                result[(y * width) + x] = top + (wy * (bottom - top));
            }
        }

        return result;
    }

    private static string InFolder(IOptions<InferenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return Path.Combine(InferenceOptions.Resolve(options.Value.ModelFolder), MaskHead.FileName);
    }

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Information,
            "Mask head loaded from {Path} ({Hidden} hidden units) in {ElapsedMs:F0} ms")]
        public static partial void Loaded(ILogger logger, string path, int hidden, double elapsedMs);
    }
}

/// <summary>The mask head's logits on a photo's cell grid.</summary>
/// <param name="Width">Grid columns.</param>
/// <param name="Height">Grid rows.</param>
/// <param name="Logits">Row-major logits, positive = garment.</param>
public sealed record CellScores(int Width, int Height, float[] Logits);
