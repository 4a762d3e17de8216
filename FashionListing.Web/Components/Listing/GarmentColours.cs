using System.Globalization;
using System.Text.RegularExpressions;

namespace FashionListing.Web.Components.Listing;

/// <summary>The garment overlay colours as the page writes them into styles.</summary>
public static partial class GarmentColours
{
    /// <summary>Drawn for a colour that is not "#RRGGBB".</summary>
    public const string Fallback = "#9E9E9E";

    /// <summary>
    /// The colour if it is "#RRGGBB", else <see cref="Fallback"/>: the value goes into a style attribute, where
    /// anything else could add declarations of its own.
    /// </summary>
    public static string Safe(string? colour) =>
        colour is not null && HexColour().IsMatch(colour) ? colour : Fallback;

    /// <summary>A style filling a swatch or badge with the colour, its text in black or white to match.</summary>
    public static string FillStyle(string? colour) => $"background-color: {Safe(colour)}; color: {TextOn(colour)}";

    /// <summary>Black or white, whichever reads better on <paramref name="colour"/> (by its WCAG luminance).</summary>
    public static string TextOn(string? colour)
    {
        string hex = Safe(colour);
        double luminance = (0.2126 * Linear(hex, 1)) + (0.7152 * Linear(hex, 3)) + (0.0722 * Linear(hex, 5));

        // Contrast with black is (L + 0.05) / 0.05 and with white 1.05 / (L + 0.05); they are equal at L = 0.179.
        return luminance > 0.179 ? "#000000" : "#FFFFFF";
    }

    private static double Linear(string hex, int start)
    {
        double channel = int.Parse(hex.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;

        return channel <= 0.04045 ? channel / 12.92 : Math.Pow((channel + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColour();
}
