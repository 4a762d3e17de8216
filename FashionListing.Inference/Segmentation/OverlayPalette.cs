using System.Globalization;
using SkiaSharp;

namespace FashionListing.Inference.Segmentation;

/// <summary>
/// The colours that tell garments apart on the photo: one per instance, in order, with the page's chip
/// for each garment drawn in the same colour.
/// </summary>
public static class OverlayPalette
{
    // Saturated hues spread around the colour wheel, ordered so that neighbours differ most; the first is the
    // teal the starter model has always used, readable over beds, floors and wooden boards.
    private static readonly SKColor[] s_colours =
    [
        new(0, 170, 190),
        new(230, 90, 20),
        new(150, 60, 200),
        new(40, 170, 60),
        new(220, 30, 120),
        new(30, 90, 220),
        new(200, 160, 0),
        new(120, 80, 40),
    ];

    /// <summary>The overlay colour of the instance at <paramref name="index"/>; the palette repeats after 8.</summary>
    public static SKColor ColourAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);

        return s_colours[index % s_colours.Length];
    }

    /// <summary>A colour as "#RRGGBB", the form CSS and the page use.</summary>
    public static string ToHex(SKColor colour) =>
        string.Create(CultureInfo.InvariantCulture, $"#{colour.Red:X2}{colour.Green:X2}{colour.Blue:X2}");
}
