using SkiaSharp;

namespace FashionListing.Inference.Colour;

/// <summary>
/// Conversions between 8-bit sRGB and CIELAB with the D65 white point, following IEC 61966-2-1 for
/// sRGB and CIE 15 for Lab.
/// </summary>
public static class ColourSpace
{
    // D65 reference white in XYZ (Y = 1), the white of sRGB.
    private const double WhiteX = 0.95047;
    private const double WhiteY = 1.0;
    private const double WhiteZ = 1.08883;

    // CIE constants: ε = (6/29)³ separates the cube-root part of f(t) from its linear toe.
    private const double Delta = 6.0 / 29.0;
    private const double Epsilon = Delta * Delta * Delta;

    // Linearised sRGB for each 8-bit code value, so that conversion costs a look-up, not a Math.Pow.
    private static readonly double[] s_linear = BuildLinearTable();

    /// <summary>Converts an 8-bit sRGB colour to CIELAB.</summary>
    public static LabColour ToLab(byte red, byte green, byte blue)
    {
        double r = s_linear[red];
        double g = s_linear[green];
        double b = s_linear[blue];

        double x = (0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b);
        double y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        double z = (0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b);

        double fx = F(x / WhiteX);
        double fy = F(y / WhiteY);
        double fz = F(z / WhiteZ);

        return new LabColour((116.0 * fy) - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz));
    }

    /// <summary>Converts an <see cref="SKColor"/> to CIELAB, ignoring its alpha.</summary>
    public static LabColour ToLab(SKColor colour) => ToLab(colour.Red, colour.Green, colour.Blue);

    /// <summary>
    /// Converts a CIELAB colour to the nearest opaque 8-bit sRGB colour; colours outside the sRGB
    /// gamut are clipped channel by channel.
    /// </summary>
    public static SKColor ToSrgb(LabColour lab)
    {
        double fy = (lab.L + 16.0) / 116.0;
        double fx = fy + (lab.A / 500.0);
        double fz = fy - (lab.B / 200.0);

        double x = WhiteX * FInverse(fx);
        double y = WhiteY * FInverse(fy);
        double z = WhiteZ * FInverse(fz);

        double r = (3.2404542 * x) - (1.5371385 * y) - (0.4985314 * z);
        double g = (-0.9692660 * x) + (1.8760108 * y) + (0.0415560 * z);
        double b = (0.0556434 * x) - (0.2040259 * y) + (1.0572252 * z);

        return new SKColor(Encode(r), Encode(g), Encode(b));
    }

    /// <summary>Formats an sRGB colour as <c>#RRGGBB</c>.</summary>
    public static string ToHex(SKColor colour) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"#{colour.Red:X2}{colour.Green:X2}{colour.Blue:X2}");

    private static double F(double t) =>
        t > Epsilon ? Math.Cbrt(t) : (t / (3.0 * Delta * Delta)) + (4.0 / 29.0);

    private static double FInverse(double t) =>
        t > Delta ? t * t * t : 3.0 * Delta * Delta * (t - (4.0 / 29.0));

    private static byte Encode(double linear)
    {
        double clipped = Math.Clamp(linear, 0.0, 1.0);
        double encoded = clipped <= 0.0031308
            ? 12.92 * clipped
            : (1.055 * Math.Pow(clipped, 1.0 / 2.4)) - 0.055;

        return (byte)Math.Round(encoded * 255.0, MidpointRounding.AwayFromZero);
    }

    private static double[] BuildLinearTable()
    {
        double[] table = new double[256];
        for (int code = 0; code < table.Length; code++)
        {
            double c = code / 255.0;
            table[code] = c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return table;
    }
}
