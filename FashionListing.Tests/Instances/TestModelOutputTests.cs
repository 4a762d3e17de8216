using FashionListing.Tests.Support.TestModels;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace FashionListing.Tests.Instances;

/// <summary>
/// The test models run directly in ONNX Runtime give exactly what their rules say, computed here in C#
/// without the graph: so a later test that runs them through the app tests the app, not the model.
/// </summary>
public sealed class TestModelOutputTests
{
    private const int Side = 64;
    private const float LogitTolerance = 1e-3f;
    private const float ProbabilityTolerance = 1e-4f;

    [Fact]
    public void QueryModel_GeneratedImage_MaskLogitsFollowTheColourRules()
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunQuery(colours);

        (int[] dims, float[] masks) = outputs[QueryTestModel.MaskOutput];
        int grid = Side / TestModelRules.GridStride;
        Assert.Equal([1, QueryTestModel.QueryCount, grid, grid], dims);
        float[][] expected = ExpectedQueryMasks(colours, Side);
        for (int q = 0; q < QueryTestModel.QueryCount; q++)
        {
            AssertClose(expected[q], masks.AsSpan(q * grid * grid, grid * grid), LogitTolerance, $"query {q}");
        }
    }

    [Fact]
    public void QueryModel_GeneratedImage_CategoryLogitsFollowTheAreaRule()
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunQuery(colours);

        (int[] dims, float[] logits) = outputs[QueryTestModel.CategoryOutput];
        int classes = TestModelRules.CategoryCount + 1;
        Assert.Equal([1, QueryTestModel.QueryCount, classes], dims);
        double[] areas = ExpectedQueryMasks(colours, Side).Select(MeanSigmoid).ToArray();
        for (int q = 0; q < QueryTestModel.QueryCount; q++)
        {
            double area = areas[QueryTestModel.AreaSource[q]];
            int offset = QueryTestModel.Regions[q] is ColourRegion region ? TestModelRules.CategoryOffset(region) : 0;
            float[] expected = new float[classes];
            for (int c = 0; c < TestModelRules.CategoryCount; c++)
            {
                double d = (TestModelRules.AreaBins * area) + offset - c;
                expected[c] = (float)(-TestModelRules.CategorySharpness * d * d);
            }

            expected[^1] = (float)Math.Max(
                TestModelRules.PresenceGain * (TestModelRules.MinArea - area),
                QueryTestModel.NoObjectFloor[q]);
            AssertClose(expected, logits.AsSpan(q * classes, classes), 0.02f, $"query {q}");
        }
    }

    [Fact]
    public void QueryModel_GeneratedImage_RegionsAreFoundWithTheirBinAndDuplicateScoresLower()
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunQuery(colours);

        float[] logits = outputs[QueryTestModel.CategoryOutput].Values;
        int classes = TestModelRules.CategoryCount + 1;
        double[] areas = ExpectedQueryMasks(colours, Side).Select(MeanSigmoid).ToArray();
        double[] scores = new double[QueryTestModel.QueryCount];
        int[] best = new int[QueryTestModel.QueryCount];
        for (int q = 0; q < QueryTestModel.QueryCount; q++)
        {
            double[] probabilities = Softmax(logits.AsSpan(q * classes, classes));
            best[q] = Array.IndexOf(probabilities, probabilities[..^1].Max());
            scores[q] = probabilities[best[q]];
        }

        foreach (int q in (int[])[QueryTestModel.RedQuery, QueryTestModel.BlueQuery, QueryTestModel.DarkQuery])
        {
            Assert.True(scores[q] > 0.5, $"query {q} scores {scores[q]:F3}");
        }

        Assert.True(scores[4] < 0.01 && scores[5] < 0.01, $"empty queries score {scores[4]:F4} and {scores[5]:F4}");
        Assert.True(scores[QueryTestModel.DuplicateQuery] < scores[QueryTestModel.RedQuery]);

        // Above the manifests' score threshold of 0.3, so only non-maximum suppression can drop it.
        Assert.True(scores[QueryTestModel.DuplicateQuery] > 0.3, $"duplicate scores {scores[2]:F3}");
        Assert.Equal(TestModelRules.CategoryIndex(ColourRegion.Red, areas[0]), best[QueryTestModel.RedQuery]);
        Assert.Equal(TestModelRules.CategoryIndex(ColourRegion.Blue, areas[1]), best[QueryTestModel.BlueQuery]);
        Assert.Equal(TestModelRules.CategoryIndex(ColourRegion.Dark, areas[3]), best[QueryTestModel.DarkQuery]);
    }

    [Fact]
    public void QueryModel_GeneratedImage_AttributeLogitsFollowTheLevelRule()
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunQuery(colours);

        (int[] dims, float[] attributes) = outputs[QueryTestModel.AttributeOutput];
        int count = TestModelRules.AttributeCount;
        Assert.Equal([1, QueryTestModel.QueryCount, count], dims);
        double[] areas = ExpectedQueryMasks(colours, Side).Select(MeanSigmoid).ToArray();
        for (int q = 0; q < QueryTestModel.QueryCount; q++)
        {
            double area = areas[QueryTestModel.AreaSource[q]];
            float[] expected = Enumerable.Range(0, count)
                .Select(j => (float)(TestModelRules.AttributeGain * (area - (QueryTestModel.Regions[q] is ColourRegion r
                    ? TestModelRules.AttributeLevel(r, j)
                    : 2f))))
                .ToArray();
            AssertClose(expected, attributes.AsSpan(q * count, count), 0.01f, $"query {q}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DenseModel_GeneratedImage_PrototypesFollowTheColourRules(bool anchorsFirst)
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunDense(colours, anchorsFirst);

        (int[] dims, float[] prototypes) = outputs[DenseTestModel.PrototypeOutput];
        int grid = Side / TestModelRules.GridStride;
        Assert.Equal([1, DenseTestModel.PrototypeCount, grid, grid], dims);
        float[][] expected = ExpectedPrototypes(colours, Side);
        for (int m = 0; m < DenseTestModel.PrototypeCount; m++)
        {
            AssertClose(expected[m], prototypes.AsSpan(m * grid * grid, grid * grid), LogitTolerance, $"prototype {m}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DenseModel_GeneratedImage_DetectionsHoldBoxesScoresAndCoefficients(bool anchorsFirst)
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunDense(colours, anchorsFirst);

        (int[] dims, float[] detections) = outputs[DenseTestModel.DetectionOutput];
        int channels = DenseTestModel.Channels;
        int anchors = DenseTestModel.AnchorCount;
        Assert.Equal(anchorsFirst ? [1, anchors, channels] : [1, channels, anchors], dims);
        float At(int anchor, int channel) =>
            detections[anchorsFirst ? (anchor * channels) + channel : (channel * anchors) + anchor];
        float[][] prototypes = ExpectedPrototypes(colours, Side);
        int grid = Side / TestModelRules.GridStride;
        for (int a = 0; a < anchors; a++)
        {
            (float left, float top, float right, float bottom) = DenseTestModel.Box(a, Side);
            float[] box = [At(a, 0), At(a, 1), At(a, 2), At(a, 3)];
            AssertClose([(left + right) / 2, (top + bottom) / 2, right - left, bottom - top], box, 1e-6f, $"box {a}");

            double area = BoxedArea(prototypes[DenseTestModel.Prototype[a]], grid, a);
            int offset = DenseTestModel.RegionOf(a) is ColourRegion region ? TestModelRules.CategoryOffset(region) : 0;
            double presence = 1 / (1 + Math.Exp(-TestModelRules.PresenceGain * (area - TestModelRules.MinArea)));
            float[] expected = Enumerable.Range(0, TestModelRules.CategoryCount)
                .Select(c =>
                {
                    double d = (TestModelRules.AreaBins * area) + offset - c;
                    return (float)(Math.Exp(-TestModelRules.CategorySharpness * d * d) * presence
                        * DenseTestModel.Gate[a]);
                })
                .ToArray();
            float[] scores = Enumerable.Range(0, TestModelRules.CategoryCount).Select(c => At(a, 4 + c)).ToArray();
            AssertClose(expected, scores, ProbabilityTolerance * 10, $"scores of anchor {a}");

            float[] coefficients = Enumerable.Range(0, DenseTestModel.PrototypeCount)
                .Select(m => At(a, 4 + TestModelRules.CategoryCount + m))
                .ToArray();
            float[] oneHot = Enumerable.Range(0, DenseTestModel.PrototypeCount)
                .Select(m => m == DenseTestModel.Prototype[a] ? 1f : 0f)
                .ToArray();
            Assert.Equal(oneHot, coefficients);
        }
    }

    [Fact]
    public void DenseModel_GeneratedImage_DuplicateScoresAboveTheThresholdAndBelowItsOriginal()
    {
        float[] colours = GeneratedColours(Side);

        Dictionary<string, (int[] Dims, float[] Values)> outputs = RunDense(colours, anchorsFirst: false);

        float[] detections = outputs[DenseTestModel.DetectionOutput].Values;
        float Best(int anchor) => Enumerable.Range(4, TestModelRules.CategoryCount)
            .Max(c => detections[(c * DenseTestModel.AnchorCount) + anchor]);
        float original = Best(DenseTestModel.RedAnchor);
        float duplicate = Best(DenseTestModel.DuplicateAnchor);
        Assert.True(duplicate > 0.3 && duplicate < original, $"duplicate {duplicate:F3}, original {original:F3}");
        Assert.True(Best(4) < 0.01 && Best(5) < 0.01, $"empty anchors score {Best(4):F4} and {Best(5):F4}");
    }

    [Fact]
    public void DenseModel_GeneratedImage_BoxedAnchorSeesOnlyTheDarkInsideItsBox()
    {
        float[] colours = GeneratedColours(Side);
        float[][] prototypes = ExpectedPrototypes(colours, Side);
        int grid = Side / TestModelRules.GridStride;

        double boxed = BoxedArea(prototypes[2], grid, DenseTestModel.BoxedDarkAnchor);
        double whole = MeanSigmoid(prototypes[2]);

        // The generated image has dark both inside and outside anchor 2's box, so the cut must matter.
        Assert.True(boxed > TestModelRules.MinArea, $"boxed dark area {boxed:F3}");
        Assert.True(whole - boxed > 0.02, $"dark area {whole:F3} in all, {boxed:F3} in the box");
    }

    /// <summary>
    /// An image with a red ellipse, a blue rectangle and a black bar that crosses anchor 2's box edge, on
    /// mid grey with a little deterministic noise: 0-1 colours, planar [3, side, side].
    /// </summary>
    internal static float[] GeneratedColours(int side)
    {
        using SKBitmap bitmap = new(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(bitmap))
        {
            canvas.Clear(new SKColor(102, 102, 102));
            using SKPaint paint = new() { IsAntialias = true };
            paint.Color = new SKColor(230, 102, 102);
            canvas.DrawOval(new SKRect(side * 0.05f, side * 0.05f, side * 0.55f, side * 0.45f), paint);
            paint.Color = new SKColor(77, 102, 153);
            canvas.DrawRect(new SKRect(side * 0.6f, side * 0.1f, side * 0.95f, side * 0.5f), paint);
            paint.Color = SKColors.Black;
            canvas.DrawRect(new SKRect(side * 0.3f, side * 0.6f, side * 0.95f, side * 0.9f), paint);
        }

        Random random = new(17);
        float[] colours = new float[3 * side * side];
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                byte[] rgb = [c.Red, c.Green, c.Blue];
                for (int k = 0; k < 3; k++)
                {
                    float noisy = (rgb[k] / 255f) + (float)((random.NextDouble() - 0.5) * 0.04);
                    colours[(k * side * side) + (y * side) + x] = Math.Clamp(noisy, 0f, 1f);
                }
            }
        }

        return colours;
    }

    /// <summary>Each colour channel averaged over 4x4 blocks: [3][grid * grid].</summary>
    internal static float[][] Pooled(float[] colours, int side)
    {
        int grid = side / TestModelRules.GridStride;
        float[][] pooled = [new float[grid * grid], new float[grid * grid], new float[grid * grid]];
        for (int k = 0; k < 3; k++)
        {
            for (int y = 0; y < side; y++)
            {
                for (int x = 0; x < side; x++)
                {
                    int cell = ((y / TestModelRules.GridStride) * grid) + (x / TestModelRules.GridStride);
                    pooled[k][cell] += colours[(k * side * side) + (y * side) + x]
                        / (TestModelRules.GridStride * TestModelRules.GridStride);
                }
            }
        }

        return pooled;
    }

    private static float[] RegionLogits(float[][] pooled, ColourRegion? region) =>
        Enumerable.Range(0, pooled[0].Length)
            .Select(i => region is ColourRegion r
                ? TestModelRules.Steepness * TestModelRules.Function(r, pooled[0][i], pooled[1][i], pooled[2][i])
                : TestModelRules.EmptyLogit)
            .ToArray();

    private static float[][] ExpectedQueryMasks(float[] colours, int side)
    {
        float[][] pooled = Pooled(colours, side);
        float[][] masks = QueryTestModel.Regions.Select(r => RegionLogits(pooled, r)).ToArray();
        masks[QueryTestModel.DuplicateQuery] = masks[QueryTestModel.RedQuery]
            .Select(v => v - QueryTestModel.DuplicateShift)
            .ToArray();

        return masks;
    }

    private static float[][] ExpectedPrototypes(float[] colours, int side)
    {
        float[][] pooled = Pooled(colours, side);

        return DenseTestModel.PrototypeRegions.Select(r => RegionLogits(pooled, r)).ToArray();
    }

    // The mean over the whole grid of the mask probability at cells whose centre is inside the box.
    private static double BoxedArea(float[] logits, int grid, int anchor)
    {
        (float left, float top, float right, float bottom) =
            DenseTestModel.Box(anchor, grid * TestModelRules.GridStride);
        double sum = 0;
        for (int y = 0; y < grid; y++)
        {
            for (int x = 0; x < grid; x++)
            {
                double cx = (x + 0.5) * TestModelRules.GridStride;
                double cy = (y + 0.5) * TestModelRules.GridStride;
                if (cx >= left && cx < right && cy >= top && cy < bottom)
                {
                    sum += 1 / (1 + Math.Exp(-logits[(y * grid) + x]));
                }
            }
        }

        return sum / (grid * grid);
    }

    private static double MeanSigmoid(float[] logits) => logits.Average(v => 1 / (1 + Math.Exp(-v)));

    private static double[] Softmax(ReadOnlySpan<float> logits)
    {
        double max = double.NegativeInfinity;
        foreach (float v in logits)
        {
            max = Math.Max(max, v);
        }

        double[] e = new double[logits.Length];
        for (int i = 0; i < logits.Length; i++)
        {
            e[i] = Math.Exp(logits[i] - max);
        }

        double sum = e.Sum();

        return e.Select(v => v / sum).ToArray();
    }

    private static Dictionary<string, (int[] Dims, float[] Values)> RunQuery(float[] colours)
    {
        float[] input = new float[colours.Length];
        int plane = Side * Side;
        for (int i = 0; i < colours.Length; i++)
        {
            int k = i / plane;
            input[i] = (colours[i] - QueryTestModel.Mean[k]) / QueryTestModel.Std[k];
        }

        return Run(QueryTestModel.Build(Side), QueryTestModel.InputName, input);
    }

    private static Dictionary<string, (int[] Dims, float[] Values)> RunDense(float[] colours, bool anchorsFirst) =>
        Run(DenseTestModel.Build(Side, anchorsFirst), DenseTestModel.InputName, colours);

    private static Dictionary<string, (int[] Dims, float[] Values)> Run(byte[] model, string inputName, float[] input)
    {
        using SessionOptions options = new();
        using InferenceSession session = new(model, options);
        DenseTensor<float> tensor = new(input, [1, 3, Side, Side]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);

        return results.ToDictionary(
            r => r.Name,
            r =>
            {
                Tensor<float> t = r.AsTensor<float>();
                return (t.Dimensions.ToArray(), t.ToArray());
            });
    }

    private static void AssertClose(
        ReadOnlySpan<float> expected,
        ReadOnlySpan<float> actual,
        float tolerance,
        string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float difference = Math.Abs(expected[i] - actual[i]);
            Assert.True(
                difference <= tolerance,
                $"{what}: value {i} is {actual[i]}; expected {expected[i]} within {tolerance}");
        }
    }
}
