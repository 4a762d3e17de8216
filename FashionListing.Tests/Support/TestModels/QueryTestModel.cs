using System.Text.Json.Nodes;
using FashionListing.Inference.Models;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>
/// A query-layout (DETR style) test model whose outputs are known functions of its input: six queries,
/// of which query 0 finds red, 1 blue, 2 a near copy of 0 that non-maximum suppression must drop, 3 dark
/// regions, and 4 and 5 nothing.
/// </summary>
/// <remarks>
/// The graph undoes the ImageNet normalisation, pools the colours 4x4 onto the mask grid and writes each
/// query's mask logits from <see cref="TestModelRules"/>. Category logits are
/// -<see cref="TestModelRules.CategorySharpness"/> (10 area + offset - c)^2, so the best category is the
/// area's bin plus the region's offset; the "no object" logit is high for an area below
/// <see cref="TestModelRules.MinArea"/>. The duplicate query copies query 0's category logits with a
/// higher "no object" logit, so it always scores lower.
/// </remarks>
internal static class QueryTestModel
{
    public const string InputName = "pixel_values";
    public const string MaskOutput = "pred_masks";
    public const string CategoryOutput = "logits";
    public const string AttributeOutput = "attribute_logits";
    public const int QueryCount = 6;
    public const int RedQuery = 0;
    public const int BlueQuery = 1;
    public const int DuplicateQuery = 2;
    public const int DarkQuery = 3;

    /// <summary>How much lower the duplicate's mask logits are than query 0's.</summary>
    public const float DuplicateShift = 2f;

    /// <summary>The duplicate's "no object" logit while query 0 is present; real queries have -30.</summary>
    public const float DuplicateNoObject = -2f;

    public static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    public static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>The region each query finds; null for an empty query.</summary>
    public static readonly ColourRegion?[] Regions =
        [ColourRegion.Red, ColourRegion.Blue, ColourRegion.Red, ColourRegion.Dark, null, null];

    /// <summary>The query whose area decides each query's category (the duplicate follows query 0).</summary>
    public static readonly int[] AreaSource = [0, 1, 0, 3, 4, 5];

    /// <summary>The "no object" logit's lower bound per query.</summary>
    public static readonly float[] NoObjectFloor = [-30f, -30f, DuplicateNoObject, -30f, -30f, -30f];

    /// <summary>Builds the model for a square input of <paramref name="side"/> pixels (a multiple of 4).</summary>
    public static byte[] Build(int side)
    {
        int grid = side / TestModelRules.GridStride;
        OnnxGraphBuilder b = new("query-test-model");
        string input = b.Input(InputName, 1, 3, side, side);

        string colours = b.Add(b.Mul(input, b.Constant(Std, 1, 3, 1, 1)), b.Constant(Mean, 1, 3, 1, 1));
        RegionGraph regions = new(b, colours);
        string red = regions.Logits(ColourRegion.Red);
        string duplicate = b.Sub(red, b.Scalar(DuplicateShift));
        string empty = b.Constant(Filled(2 * grid * grid, TestModelRules.EmptyLogit), 1, 2, grid, grid);
        string masks = b.Concat(
            1,
            red,
            regions.Logits(ColourRegion.Blue),
            duplicate,
            regions.Logits(ColourRegion.Dark),
            empty);
        b.Output(MaskOutput, masks, 1, QueryCount, grid, grid);

        string areas = b.Node(
            "ReduceMean",
            [b.Node("Sigmoid", [masks])],
            null,
            OnnxGraphBuilder.Ints("axes", 2, 3),
            OnnxGraphBuilder.Int("keepdims", 0));
        string sourceAreas = b.Node("MatMul", [areas, b.Constant(SourceMatrix(), QueryCount, QueryCount)]);
        string area = b.Node("Unsqueeze", [sourceAreas, b.Int64s(2)]);

        float[] offsets = Regions.Select(r => r is null ? 0f : TestModelRules.CategoryOffset(r.Value)).ToArray();
        string bin = b.Add(b.Mul(area, b.Scalar(TestModelRules.AreaBins)), b.Constant(offsets, 1, QueryCount, 1));
        float[] categories = Enumerable.Range(0, TestModelRules.CategoryCount).Select(c => (float)c).ToArray();
        string distance = b.Sub(bin, b.Constant(categories, 1, 1, TestModelRules.CategoryCount));
        string categoryLogits = b.Mul(b.Mul(distance, distance), b.Scalar(-TestModelRules.CategorySharpness));
        string noObject = b.Max(
            b.Mul(b.Sub(b.Scalar(TestModelRules.MinArea), area), b.Scalar(TestModelRules.PresenceGain)),
            b.Constant(NoObjectFloor, 1, QueryCount, 1));
        b.Output(CategoryOutput, b.Concat(2, categoryLogits, noObject), 1, QueryCount,
            TestModelRules.CategoryCount + 1);

        string levels = b.Constant(AttributeLevels(), 1, QueryCount, TestModelRules.AttributeCount);
        string attributes = b.Mul(b.Sub(area, levels), b.Scalar(TestModelRules.AttributeGain));
        b.Output(AttributeOutput, attributes, 1, QueryCount, TestModelRules.AttributeCount);

        return b.ToBytes();
    }

    /// <summary>
    /// Writes the model, its manifest and the taxonomy into <paramref name="folder"/>, as a model folder
    /// the app can be pointed at.
    /// </summary>
    public static void WriteFolder(string folder, int side, ResizeMode resize)
    {
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), Build(side));
        JsonObject manifest = new()
        {
            ["format"] = 1,
            ["name"] = "Test query model",
            ["layout"] = "query",
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
                ["mean"] = new JsonArray(Mean.Select(v => (JsonNode?)v).ToArray()),
                ["std"] = new JsonArray(Std.Select(v => (JsonNode?)v).ToArray()),
            },
            ["outputs"] = new JsonObject
            {
                ["maskLogits"] = MaskOutput,
                ["categoryLogits"] = CategoryOutput,
                ["noObjectClass"] = true,
                ["attributeLogits"] = AttributeOutput,
            },
            ["thresholds"] = TestModelFolder.Thresholds(),
        };
        TestModelFolder.WriteManifest(folder, manifest);
    }

    /// <summary>Attribute levels per query and attribute output; empty queries never reach theirs.</summary>
    public static float[] AttributeLevels()
    {
        float[] levels = new float[QueryCount * TestModelRules.AttributeCount];
        for (int q = 0; q < QueryCount; q++)
        {
            for (int j = 0; j < TestModelRules.AttributeCount; j++)
            {
                levels[(q * TestModelRules.AttributeCount) + j] = Regions[q] is ColourRegion region
                    ? TestModelRules.AttributeLevel(region, j)
                    : 2f;
            }
        }

        return levels;
    }

    private static float[] SourceMatrix()
    {
        // Row i, column q is 1 where query q takes its area from query i.
        float[] matrix = new float[QueryCount * QueryCount];
        for (int q = 0; q < QueryCount; q++)
        {
            matrix[(AreaSource[q] * QueryCount) + q] = 1f;
        }

        return matrix;
    }

    private static float[] Filled(int count, float value)
    {
        float[] values = new float[count];
        Array.Fill(values, value);

        return values;
    }
}
