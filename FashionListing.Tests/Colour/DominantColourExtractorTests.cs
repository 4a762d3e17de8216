using FashionListing.Inference.Colour;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Colour;

public sealed class DominantColourExtractorTests
{
    private const int Width = 400;
    private const int Height = 533;

    // The garment is the rectangle x 100-299, y 50-449: 200 x 400 = 80,000 pixels, so the
    // extractor subsamples it (every 4th pixel gives its 20,000).
    private const int Left = 100;
    private const int Right = 300;
    private const int Top = 50;
    private const int Bottom = 450;

    private static readonly SKColor s_navy = new(0x1C, 0x25, 0x51);
    private static readonly SKColor s_white = new(0xFA, 0xFA, 0xFA);
    private static readonly SKColor s_red = new(0xC8, 0x10, 0x2E);

    private readonly DominantColourExtractor _extractor = new();

    [Fact]
    public void Extract_SeventyPercentNavyThirtyWhite_ReportsBothSharesAndIgnoresPixelsOutsideTheMask()
    {
        // Rows 50-329 (280 of the 400 garment rows, 70 %) navy, rows 330-449 white, the rest red.
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (x, y) =>
            !InGarment(x, y) ? s_red : y < Top + 280 ? s_navy : s_white);

        IReadOnlyList<ColourSuggestion> colours = _extractor.Extract(photo, GarmentRectangle());

        Assert.Equal(2, colours.Count);
        Assert.Equal("navy", colours[0].Name);
        Assert.Equal("#1C2551", colours[0].Hex);
        Assert.Equal(0.70, colours[0].Share, 0.01);
        Assert.Equal("white", colours[1].Name);
        Assert.Equal("#FAFAFA", colours[1].Hex);
        Assert.Equal(0.30, colours[1].Share, 0.01);
    }

    [Fact]
    public void Extract_Bgra8888Photo_ReadsTheChannelsInItsOrder()
    {
        using SKBitmap photo = Paint(SKColorType.Bgra8888, (x, y) => InGarment(x, y) ? s_red : s_white);

        IReadOnlyList<ColourSuggestion> colours = _extractor.Extract(photo, GarmentRectangle());

        ColourSuggestion only = Assert.Single(colours);
        Assert.Equal("red", only.Name);
        Assert.Equal("#C8102E", only.Hex);
        Assert.Equal(1.0, only.Share, 1e-9);
    }

    [Fact]
    public void Extract_ColourUnderFivePercent_IsLeftOut()
    {
        // Rows 50-61 are black: 12 of 400 garment rows, 3 %.
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (x, y) =>
            InGarment(x, y) && y < Top + 12 ? SKColors.Black : s_white);

        IReadOnlyList<ColourSuggestion> colours = _extractor.Extract(photo, GarmentRectangle());

        ColourSuggestion only = Assert.Single(colours);
        Assert.Equal("white", only.Name);
        Assert.Equal(0.97, only.Share, 0.01);
    }

    [Fact]
    public void Extract_TwoShadesOfOneGrey_MergesThemIntoOneColour()
    {
        // Grey 120 and grey 136 are about 6.1 apart in CIEDE2000, under the merge distance of 10.
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (x, y) =>
            x < 200 ? new SKColor(120, 120, 120) : new SKColor(136, 136, 136));

        IReadOnlyList<ColourSuggestion> colours = _extractor.Extract(photo, GarmentRectangle());

        ColourSuggestion only = Assert.Single(colours);
        Assert.Equal("grey", only.Name);
        Assert.Equal(1.0, only.Share, 1e-9);
    }

    [Fact]
    public void Extract_FiveDistinctColours_ReportsEachWithItsShare()
    {
        // Columns of 40 pixels each across the 200-pixel-wide garment: 20 % apiece.
        SKColor[] stripes = [s_navy, s_white, s_red, new(0xD6, 0xA2, 0x1E), new(0x2E, 0x8B, 0x3E)];
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (x, y) =>
            InGarment(x, y) ? stripes[(x - Left) / 40] : SKColors.Black);

        IReadOnlyList<ColourSuggestion> colours = _extractor.Extract(photo, GarmentRectangle());

        Assert.Equal(["green", "mustard", "navy", "red", "white"], colours.Select(c => c.Name).Order());
        Assert.All(colours, c => Assert.Equal(0.20, c.Share, 0.01));
    }

    [Fact]
    public void Extract_SamePhotoTwice_GivesTheSameColours()
    {
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (x, y) =>
            new SKColor((byte)(x * 255 / Width), (byte)(y * 255 / Height), 90));

        IReadOnlyList<ColourSuggestion> first = _extractor.Extract(photo, GarmentRectangle());
        IReadOnlyList<ColourSuggestion> second = _extractor.Extract(photo, GarmentRectangle());

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Extract_EmptyMask_ReturnsNoColours()
    {
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (_, _) => s_red);
        GarmentMask empty = new(Width, Height, new byte[Width * Height]);

        IReadOnlyList<ColourSuggestion> colours = _extractor.Extract(photo, empty);

        Assert.Empty(colours);
    }

    [Fact]
    public void Extract_MaskOfAnotherSize_ThrowsNamingBothSizes()
    {
        using SKBitmap photo = Paint(SKColorType.Rgba8888, (_, _) => s_red);
        GarmentMask small = new(200, 100, new byte[200 * 100]);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => _extractor.Extract(photo, small));

        Assert.Contains("200x100", exception.Message, StringComparison.Ordinal);
        Assert.Contains("400x533", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GreyscalePhoto_ThrowsNamingTheFormat()
    {
        using SKBitmap photo = new(new SKImageInfo(Width, Height, SKColorType.Gray8, SKAlphaType.Opaque));

        ArgumentException exception = Assert.Throws<ArgumentException>(
            () => _extractor.Extract(photo, GarmentRectangle()));

        Assert.Contains("Gray8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TooManyColours_ThrowsNamingTheOption()
    {
        DominantColourOptions options = new() { MaxColours = 9 };

        ArgumentOutOfRangeException exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new DominantColourExtractor(options));

        Assert.Equal("options.MaxColours", exception.ParamName);
    }

    private static bool InGarment(int x, int y) => x >= Left && x < Right && y >= Top && y < Bottom;

    private static GarmentMask GarmentRectangle()
    {
        byte[] pixels = new byte[Width * Height];
        for (int y = Top; y < Bottom; y++)
        {
            Array.Fill(pixels, (byte)1, (y * Width) + Left, Right - Left);
        }

        return new GarmentMask(Width, Height, pixels);
    }

    private static SKBitmap Paint(SKColorType colorType, Func<int, int, SKColor> colourAt)
    {
        SKBitmap bitmap = new(new SKImageInfo(Width, Height, colorType, SKAlphaType.Unpremul));
        Span<byte> pixels = bitmap.GetPixelSpan();
        bool rgba = colorType == SKColorType.Rgba8888;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                SKColor colour = colourAt(x, y);
                int offset = (y * bitmap.RowBytes) + (x * 4);
                pixels[offset] = rgba ? colour.Red : colour.Blue;
                pixels[offset + 1] = colour.Green;
                pixels[offset + 2] = rgba ? colour.Blue : colour.Red;
                pixels[offset + 3] = byte.MaxValue;
            }
        }

        return bitmap;
    }
}
