using SkiaSharp;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>The kinds of region the test models find, each a simple function of a pixel's colour.</summary>
internal enum ColourRegion
{
    /// <summary>Red clearly above both green and blue.</summary>
    Red,

    /// <summary>Blue clearly above red.</summary>
    Blue,

    /// <summary>Dark: the mean of the three channels below a level.</summary>
    Dark,
}

/// <summary>
/// The rules both test models are built from, written once so that a test can compute at a photo's own
/// size what the model computes on its small grid: which pixels belong to a region, which category a
/// region of a given area gets, which attributes it has and whether it counts as present at all.
/// </summary>
/// <remarks>
/// Colours are 0-1. A region's function is positive inside the region; the model's mask logit is
/// <see cref="Steepness"/> times the function of the colours averaged over a 4x4 block of its input.
/// Area is the mean of the sigmoid of the mask logits over the whole model input.
/// </remarks>
internal static class TestModelRules
{
    public const float RedLevel = 0.25f;
    public const float BlueLevel = 0.15f;
    public const float DarkLevel = 0.2f;
    public const float Steepness = 40f;

    /// <summary>The mask grid is the model input pooled by this factor on each side.</summary>
    public const int GridStride = 4;

    /// <summary>The logit of an empty query or prototype everywhere.</summary>
    public const float EmptyLogit = -20f;

    /// <summary>Areas are sorted into bins of this width: area 0.23 falls in bin 2 (0.15 to 0.25).</summary>
    public const int AreaBins = 10;

    /// <summary>How sharply the category logits or scores fall off away from the area's bin.</summary>
    public const float CategorySharpness = 4f;

    /// <summary>A region smaller than this (as a share of the model input) counts as absent.</summary>
    public const float MinArea = 0.06f;

    /// <summary>How sharply presence switches at <see cref="MinArea"/>.</summary>
    public const float PresenceGain = 200f;

    /// <summary>Attribute logits are this times the area's distance above the attribute's level.</summary>
    public const float AttributeGain = 40f;

    public const int CategoryCount = 46;
    public const int AttributeCount = 294;

    /// <summary>The region's function of one colour (0-1 channels); positive inside the region.</summary>
    public static float Function(ColourRegion region, float r, float g, float b) => region switch
    {
        ColourRegion.Red => r - Math.Max(g, b) - RedLevel,
        ColourRegion.Blue => b - r - BlueLevel,
        ColourRegion.Dark => DarkLevel - ((r + g + b) / 3f),
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown region."),
    };

    /// <summary>The region's function of an 8-bit colour.</summary>
    public static float Function(ColourRegion region, SKColor colour) =>
        Function(region, colour.Red / 255f, colour.Green / 255f, colour.Blue / 255f);

    /// <summary>The first category output a region's bins count from: bin b gives category offset + b.</summary>
    public static int CategoryOffset(ColourRegion region) => (int)region;

    /// <summary>The category output the model prefers for a region of this area.</summary>
    public static int CategoryIndex(ColourRegion region, double area) =>
        Math.Clamp((int)Math.Round(area * AreaBins, MidpointRounding.AwayFromZero) + CategoryOffset(region), 0,
            CategoryCount - 1);

    /// <summary>How far (in area) this area lies from the nearest edge between two bins.</summary>
    public static double BinMargin(double area)
    {
        double scaled = area * AreaBins;

        return Math.Abs(scaled - Math.Floor(scaled) - 0.5) / AreaBins;
    }

    /// <summary>The area at which attribute output <paramref name="index"/> switches on for a region.</summary>
    /// <remarks>
    /// The levels are the category bins' edges (0.05, 0.15, ...), so an area clear of the edges is clear
    /// of every level too; each region starts the cycle elsewhere, so that regions of equal area differ.
    /// </remarks>
    public static float AttributeLevel(ColourRegion region, int index) =>
        ((((index + (3 * (int)region)) % AreaBins) + 0.5f) / AreaBins);

    /// <summary>The attribute outputs the model switches on for a region of this area, in output order.</summary>
    public static IReadOnlyList<int> AttributeIndices(ColourRegion region, double area) =>
        Enumerable.Range(0, AttributeCount).Where(j => area > AttributeLevel(region, j)).ToList();

    /// <summary>Whether the model counts a region of this area as present.</summary>
    public static bool IsPresent(double area) => area > MinArea;
}
