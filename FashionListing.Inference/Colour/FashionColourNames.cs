using System.Globalization;

namespace FashionListing.Inference.Colour;

/// <summary>
/// About three dozen colour names common in clothing listings, and the nearest name for any colour.
/// </summary>
/// <remarks>
/// The representative colours are chosen for garments as photographed, which are duller and darker
/// than screen primaries: "navy" is a deep greyish blue, "denim" a mid, faded blue. Nearness is
/// measured with CIEDE2000, whose blue hues bend towards violet in Lab; "royal blue" therefore
/// sits close to pure sRGB blue so that saturated blues are not called purple.
/// </remarks>
public static class FashionColourNames
{
    private static readonly NamedColour[] s_all =
    [
        Named("black", "#151515"),
        Named("charcoal", "#36393D"),
        Named("grey", "#808080"),
        Named("light grey", "#C8C8C8"),
        Named("white", "#FAFAFA"),
        Named("cream", "#F2E8CF"),
        Named("beige", "#D9C7A7"),
        Named("khaki", "#C3B091"),
        Named("tan", "#D2B48C"),
        Named("camel", "#C19A6B"),
        Named("brown", "#6B4226"),
        Named("dark brown", "#3D2B1F"),
        Named("navy", "#1C2551"),
        Named("royal blue", "#2E3FC8"),
        Named("blue", "#2A62C4"),
        Named("light blue", "#9CC3E6"),
        Named("denim", "#4A6A8F"),
        Named("teal", "#1E7F7F"),
        Named("petrol", "#1D4E5F"),
        Named("turquoise", "#3FC1C9"),
        Named("green", "#2E8B3E"),
        Named("dark green", "#1F4D2B"),
        Named("olive", "#707A3A"),
        Named("mint", "#A8E0C2"),
        Named("mustard", "#D6A21E"),
        Named("yellow", "#F5D627"),
        Named("orange", "#F28C28"),
        Named("coral", "#F47F6B"),
        Named("rust", "#A14A1E"),
        Named("red", "#C8102E"),
        Named("burgundy", "#6E1530"),
        Named("maroon", "#6B1C1C"),
        Named("pink", "#F4A7B9"),
        Named("hot pink", "#E0218A"),
        Named("purple", "#6A2C8E"),
        Named("plum", "#5E2A4F"),
        Named("lavender", "#C7B8E0"),
        Named("mauve", "#B08A99"),
    ];

    /// <summary>Every name with its representative colour.</summary>
    public static IReadOnlyList<NamedColour> All => s_all;

    /// <summary>The name whose representative colour is nearest by CIEDE2000.</summary>
    public static NamedColour Nearest(LabColour colour)
    {
        NamedColour best = s_all[0];
        double bestDistance = double.MaxValue;
        foreach (NamedColour candidate in s_all)
        {
            double distance = ColourDifference.Ciede2000(colour, candidate.Lab);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static NamedColour Named(string name, string hex)
    {
        int rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        LabColour lab = ColourSpace.ToLab((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

        return new NamedColour(name, hex, lab);
    }
}
