using FashionListing.Inference.Colour;
using SkiaSharp;

namespace FashionListing.Tests.Colour;

public sealed class ColourSpaceTests
{
    private const double Tolerance = 0.01;

    [Theory]
    // Reference values from the CIE formulas with the D65 white (0.95047, 1, 1.08883).
    [InlineData(255, 0, 0, 53.24, 80.09, 67.20)]
    [InlineData(0, 255, 0, 87.73, -86.18, 83.18)]
    [InlineData(0, 0, 255, 32.30, 79.19, -107.86)]
    [InlineData(255, 255, 255, 100.0, 0.0, 0.0)]
    [InlineData(0, 0, 0, 0.0, 0.0, 0.0)]
    // Mid grey: Y = ((128/255 + 0.055) / 1.055)^2.4 = 0.21586, L = 116 * Y^(1/3) - 16 = 53.59.
    [InlineData(128, 128, 128, 53.59, 0.0, 0.0)]
    public void ToLab_KnownSrgbColour_MatchesReference(
        byte red, byte green, byte blue, double l, double a, double b)
    {
        LabColour lab = ColourSpace.ToLab(red, green, blue);

        Assert.Equal(l, lab.L, Tolerance);
        Assert.Equal(a, lab.A, Tolerance);
        Assert.Equal(b, lab.B, Tolerance);
    }

    [Fact]
    public void ToLab_DarkGreyOnTheLinearToe_UsesTheLinearBranch()
    {
        // Code 5: linear 5/255/12.92 = 0.0015177, below ε = 0.008856, so L = 903.3 * Y = 1.371.
        LabColour lab = ColourSpace.ToLab(5, 5, 5);

        Assert.Equal(1.371, lab.L, 0.001);
    }

    [Theory]
    [InlineData(255, 0, 0)]
    [InlineData(28, 37, 81)]
    [InlineData(250, 250, 250)]
    [InlineData(1, 2, 3)]
    [InlineData(200, 16, 46)]
    public void ToSrgb_OfToLab_ReturnsTheSameColour(byte red, byte green, byte blue)
    {
        SKColor original = new(red, green, blue);

        SKColor roundTrip = ColourSpace.ToSrgb(ColourSpace.ToLab(original));

        Assert.Equal(original, roundTrip);
    }

    [Fact]
    public void ToSrgb_OutOfGamutLab_ClipsEachChannel()
    {
        SKColor clipped = ColourSpace.ToSrgb(new LabColour(50.0, 120.0, 0.0));

        Assert.Equal(byte.MaxValue, clipped.Red);
        Assert.Equal(byte.MinValue, clipped.Green);
    }

    [Fact]
    public void ToHex_Colour_IsUpperCaseRrggbb()
    {
        string hex = ColourSpace.ToHex(new SKColor(0x1C, 0x25, 0x51));

        Assert.Equal("#1C2551", hex);
    }
}
