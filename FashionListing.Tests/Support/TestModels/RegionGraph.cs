namespace FashionListing.Tests.Support.TestModels;

/// <summary>The part both test models share: 0-1 colours pooled to the mask grid, and each region's logits.</summary>
internal sealed class RegionGraph
{
    private readonly OnnxGraphBuilder _builder;
    private readonly string _red;
    private readonly string _green;
    private readonly string _blue;

    /// <summary>Pools <paramref name="colours"/> ([1, 3, H, W], 0-1) 4x4 onto the mask grid.</summary>
    public RegionGraph(OnnxGraphBuilder builder, string colours)
    {
        _builder = builder;
        string pooled = builder.Node(
            "AveragePool",
            [colours],
            null,
            OnnxGraphBuilder.Ints("kernel_shape", TestModelRules.GridStride, TestModelRules.GridStride),
            OnnxGraphBuilder.Ints("strides", TestModelRules.GridStride, TestModelRules.GridStride));
        string[] channels = builder.Node(
            "Split",
            [pooled, builder.Int64s(1, 1, 1)],
            3,
            OnnxGraphBuilder.Int("axis", 1));
        (_red, _green, _blue) = (channels[0], channels[1], channels[2]);
    }

    /// <summary>The region's mask logits, [1, 1, H / 4, W / 4].</summary>
    public string Logits(ColourRegion region)
    {
        OnnxGraphBuilder b = _builder;
        string function = region switch
        {
            ColourRegion.Red => b.Sub(b.Sub(_red, b.Max(_green, _blue)), b.Scalar(TestModelRules.RedLevel)),
            ColourRegion.Blue => b.Sub(b.Sub(_blue, _red), b.Scalar(TestModelRules.BlueLevel)),
            ColourRegion.Dark => b.Sub(
                b.Scalar(TestModelRules.DarkLevel),
                b.Mul(b.Add(b.Add(_red, _green), _blue), b.Scalar(1f / 3f))),
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
        };

        return b.Mul(function, b.Scalar(TestModelRules.Steepness));
    }
}
