using System.Text.Json.Nodes;
using FashionListing.Inference.Models;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>
/// A dense-layout (YOLOv8-seg style) test model whose outputs are known functions of its input: four
/// prototypes (red, blue and dark regions, and one empty) and six anchors with constant boxes and one-hot
/// mask coefficients.
/// </summary>
/// <remarks>
/// Anchor 0 picks the red prototype over the whole input, 1 the blue one, 2 the dark one in a box over
/// only part of the input (so the box cut shows), 3 repeats anchor 0 at nine tenths of its score (so
/// non-maximum suppression must drop it) and 4 and 5 pick the empty prototype. Class scores are
/// probabilities: exp(-<see cref="TestModelRules.CategorySharpness"/> (10 area + offset - c)^2) times a
/// presence that is near 0 below <see cref="TestModelRules.MinArea"/>, where area is the mean of the
/// anchor's mask probability, cut to its box, over the whole input.
/// </remarks>
internal static class DenseTestModel
{
    public const string InputName = "images";
    public const string DetectionOutput = "output0";
    public const string PrototypeOutput = "output1";
    public const int PrototypeCount = 4;
    public const int AnchorCount = 6;
    public const int EmptyPrototype = 3;
    public const int RedAnchor = 0;
    public const int BlueAnchor = 1;
    public const int BoxedDarkAnchor = 2;
    public const int DuplicateAnchor = 3;

    /// <summary>Values per anchor: box, class scores, mask coefficients.</summary>
    public const int Channels = 4 + TestModelRules.CategoryCount + PrototypeCount;

    /// <summary>The duplicate anchor's score as a share of anchor 0's.</summary>
    public const float DuplicateGate = 0.9f;

    /// <summary>The prototype each anchor's coefficients pick.</summary>
    public static readonly int[] Prototype = [0, 1, 2, 0, EmptyPrototype, EmptyPrototype];

    /// <summary>The region of each prototype; null for the empty one.</summary>
    public static readonly ColourRegion?[] PrototypeRegions =
        [ColourRegion.Red, ColourRegion.Blue, ColourRegion.Dark, null];

    /// <summary>Each anchor's score factor.</summary>
    public static readonly float[] Gate = [1f, 1f, 1f, DuplicateGate, 1f, 1f];

    /// <summary>The anchor's region, or null for an empty anchor.</summary>
    public static ColourRegion? RegionOf(int anchor) => PrototypeRegions[Prototype[anchor]];

    /// <summary>
    /// The anchor's box as left, top, right, bottom in input pixels: the whole input, except anchor 2's,
    /// which leaves out the right quarter and the top eighth.
    /// </summary>
    public static (float Left, float Top, float Right, float Bottom) Box(int anchor, int side) =>
        anchor == BoxedDarkAnchor ? (0f, side / 8f, side * 3f / 4f, side) : (0f, 0f, side, side);

    /// <summary>Builds the model for a square input of <paramref name="side"/> pixels (a multiple of 16).</summary>
    public static byte[] Build(int side, bool anchorsFirst)
    {
        int grid = side / TestModelRules.GridStride;
        int cells = grid * grid;
        OnnxGraphBuilder b = new("dense-test-model");
        string input = b.Input(InputName, 1, 3, side, side);

        RegionGraph regions = new(b, input);
        string empty = b.Constant(Filled(cells, TestModelRules.EmptyLogit), 1, 1, grid, grid);
        string prototypes = b.Concat(
            1,
            regions.Logits(ColourRegion.Red),
            regions.Logits(ColourRegion.Blue),
            regions.Logits(ColourRegion.Dark),
            empty);
        b.Output(PrototypeOutput, prototypes, 1, PrototypeCount, grid, grid);

        string probabilities = b.Reshape(b.Node("Sigmoid", [prototypes]), PrototypeCount, cells);
        string masks = b.Node("MatMul", [b.Constant(Coefficients(), AnchorCount, PrototypeCount), probabilities]);
        string cut = b.Mul(masks, b.Constant(BoxCells(side), AnchorCount, cells));
        string area = b.Node(
            "ReduceMean",
            [cut],
            null,
            OnnxGraphBuilder.Ints("axes", 1),
            OnnxGraphBuilder.Int("keepdims", 1));

        float[] offsets = Enumerable.Range(0, AnchorCount)
            .Select(a => RegionOf(a) is ColourRegion r ? TestModelRules.CategoryOffset(r) : 0f)
            .ToArray();
        string bin = b.Add(b.Mul(area, b.Scalar(TestModelRules.AreaBins)), b.Constant(offsets, AnchorCount, 1));
        float[] categories = Enumerable.Range(0, TestModelRules.CategoryCount).Select(c => (float)c).ToArray();
        string distance = b.Sub(bin, b.Constant(categories, 1, TestModelRules.CategoryCount));
        string closeness = b.Node(
            "Exp",
            [b.Mul(b.Mul(distance, distance), b.Scalar(-TestModelRules.CategorySharpness))]);
        string presence = b.Node(
            "Sigmoid",
            [b.Mul(b.Sub(area, b.Scalar(TestModelRules.MinArea)), b.Scalar(TestModelRules.PresenceGain))]);
        string scores = b.Mul(b.Mul(closeness, presence), b.Constant(Gate, AnchorCount, 1));

        string detections;
        if (anchorsFirst)
        {
            string boxes = b.Constant(Boxes(side, anchorsFirst: true), AnchorCount, 4);
            string coefficients = b.Constant(Coefficients(), AnchorCount, PrototypeCount);
            detections = b.Node("Unsqueeze", [b.Concat(1, boxes, scores, coefficients), b.Int64s(0)]);
            b.Output(DetectionOutput, detections, 1, AnchorCount, Channels);
        }
        else
        {
            string boxes = b.Constant(Boxes(side, anchorsFirst: false), 4, AnchorCount);
            string coefficients = b.Constant(Transpose(Coefficients(), AnchorCount, PrototypeCount),
                PrototypeCount, AnchorCount);
            string classes = b.Node("Transpose", [scores], null, OnnxGraphBuilder.Ints("perm", 1, 0));
            detections = b.Node("Unsqueeze", [b.Concat(0, boxes, classes, coefficients), b.Int64s(0)]);
            b.Output(DetectionOutput, detections, 1, Channels, AnchorCount);
        }

        return b.ToBytes();
    }

    /// <summary>Writes the model, its manifest and the taxonomy into <paramref name="folder"/>.</summary>
    public static void WriteFolder(string folder, int side, ResizeMode resize, bool anchorsFirst)
    {
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), Build(side, anchorsFirst));
        JsonObject manifest = new()
        {
            ["format"] = 1,
            ["name"] = "Test dense model",
            ["layout"] = "dense",
            ["taxonomy"] = TestModelFolder.TaxonomyFileName,
            ["model"] = "model.onnx",
            ["input"] = new JsonObject
            {
                ["name"] = InputName,
                ["width"] = side,
                ["height"] = side,
                ["layout"] = "NCHW",
                ["resize"] = resize == ResizeMode.Letterbox ? "letterbox" : "stretch",
                ["padValue"] = 114,
                ["channels"] = "RGB",
                ["scale"] = 255,
                ["mean"] = new JsonArray(0, 0, 0),
                ["std"] = new JsonArray(1, 1, 1),
            },
            ["outputs"] = new JsonObject
            {
                ["detections"] = DetectionOutput,
                ["anchorsFirst"] = anchorsFirst,
                ["prototypes"] = PrototypeOutput,
                ["attributeLogits"] = null,
            },
            ["thresholds"] = TestModelFolder.Thresholds(),
        };
        TestModelFolder.WriteManifest(folder, manifest);
    }

    /// <summary>Boxes as cx, cy, w, h in input pixels: [4, N], or [N, 4] when anchors come first.</summary>
    public static float[] Boxes(int side, bool anchorsFirst)
    {
        float[] values = new float[4 * AnchorCount];
        for (int a = 0; a < AnchorCount; a++)
        {
            (float left, float top, float right, float bottom) = Box(a, side);
            float[] box = [(left + right) / 2f, (top + bottom) / 2f, right - left, bottom - top];
            for (int k = 0; k < 4; k++)
            {
                values[anchorsFirst ? (a * 4) + k : (k * AnchorCount) + a] = box[k];
            }
        }

        return values;
    }

    /// <summary>One-hot coefficients, [N, M].</summary>
    public static float[] Coefficients()
    {
        float[] values = new float[AnchorCount * PrototypeCount];
        for (int a = 0; a < AnchorCount; a++)
        {
            values[(a * PrototypeCount) + Prototype[a]] = 1f;
        }

        return values;
    }

    /// <summary>1 where a grid cell's centre lies inside the anchor's box, [N, cells].</summary>
    public static float[] BoxCells(int side)
    {
        int grid = side / TestModelRules.GridStride;
        float[] values = new float[AnchorCount * grid * grid];
        for (int a = 0; a < AnchorCount; a++)
        {
            (float left, float top, float right, float bottom) = Box(a, side);
            for (int y = 0; y < grid; y++)
            {
                float cy = (y + 0.5f) * TestModelRules.GridStride;
                for (int x = 0; x < grid; x++)
                {
                    float cx = (x + 0.5f) * TestModelRules.GridStride;
                    bool inside = cx >= left && cx < right && cy >= top && cy < bottom;
                    values[(a * grid * grid) + (y * grid) + x] = inside ? 1f : 0f;
                }
            }
        }

        return values;
    }

    private static float[] Transpose(float[] values, int rows, int columns)
    {
        float[] transposed = new float[values.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                transposed[(c * rows) + r] = values[(r * columns) + c];
            }
        }

        return transposed;
    }

    private static float[] Filled(int count, float value)
    {
        float[] values = new float[count];
        Array.Fill(values, value);

        return values;
    }
}
