using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Segmentation;

public sealed class MaskOverlayRendererTests
{
    private const int Width = 400;
    private const int Height = 533;

    private static readonly SKColor s_colour = new(0x20, 0xA0, 0xF0);

    private readonly MaskOverlayRenderer _renderer = new();

    [Fact]
    public void Render_Rectangle_IsAPngThePhotosSize()
    {
        byte[] png = _renderer.Render(Rectangle(100, 50, 300, 450), s_colour);

        using SKBitmap overlay = Decode(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(Width, overlay.Width);
        Assert.Equal(Height, overlay.Height);
    }

    [Fact]
    public void Render_InsideTheMask_IsTheColourAtFortyFivePercentAlpha()
    {
        byte[] png = _renderer.Render(Rectangle(100, 50, 300, 450), s_colour);

        using SKBitmap overlay = Decode(png);
        // 0.45 * 255 = 114.75, rounded to 115.
        Assert.Equal(s_colour.WithAlpha(115), overlay.GetPixel(200, 250));
        Assert.Equal(s_colour.WithAlpha(115), overlay.GetPixel(102, 52));
    }

    [Fact]
    public void Render_TwoPixelBandAlongTheBoundary_IsOpaque()
    {
        byte[] png = _renderer.Render(Rectangle(100, 50, 300, 450), s_colour);

        using SKBitmap overlay = Decode(png);
        Assert.Equal(s_colour, overlay.GetPixel(100, 250));
        Assert.Equal(s_colour, overlay.GetPixel(101, 250));
        Assert.Equal(s_colour, overlay.GetPixel(299, 250));
        Assert.Equal(s_colour, overlay.GetPixel(298, 250));
        Assert.Equal(s_colour, overlay.GetPixel(200, 50));
        Assert.Equal(s_colour, overlay.GetPixel(200, 449));
        Assert.Equal(115, overlay.GetPixel(102, 250).Alpha);
        Assert.Equal(115, overlay.GetPixel(297, 250).Alpha);
    }

    [Fact]
    public void Render_OutsideTheMask_IsFullyTransparent()
    {
        byte[] png = _renderer.Render(Rectangle(100, 50, 300, 450), s_colour);

        using SKBitmap overlay = Decode(png);
        Assert.Equal(0, overlay.GetPixel(99, 250).Alpha);
        Assert.Equal(0, overlay.GetPixel(300, 250).Alpha);
        Assert.Equal(0, overlay.GetPixel(200, 49).Alpha);
        Assert.Equal(0, overlay.GetPixel(0, 0).Alpha);
        Assert.Equal(0, overlay.GetPixel(Width - 1, Height - 1).Alpha);
    }

    [Fact]
    public void Render_MaskTouchingTheFrame_OutlinesAlongTheFrame()
    {
        byte[] png = _renderer.Render(Rectangle(0, 0, 200, Height), s_colour);

        using SKBitmap overlay = Decode(png);
        Assert.Equal(255, overlay.GetPixel(0, 250).Alpha);
        Assert.Equal(255, overlay.GetPixel(1, 250).Alpha);
        Assert.Equal(115, overlay.GetPixel(2, 250).Alpha);
        Assert.Equal(255, overlay.GetPixel(100, 0).Alpha);
    }

    [Fact]
    public void Render_PixelNearAHole_IsOutlinedToo()
    {
        GarmentMask mask = Rectangle(100, 50, 300, 450);
        mask.Pixels[(250 * Width) + 200] = 0;

        byte[] png = _renderer.Render(mask, s_colour);

        using SKBitmap overlay = Decode(png);
        Assert.Equal(0, overlay.GetPixel(200, 250).Alpha);
        Assert.Equal(255, overlay.GetPixel(202, 252).Alpha);
        Assert.Equal(115, overlay.GetPixel(203, 250).Alpha);
    }

    [Fact]
    public void Render_NoOutline_FillsEveryMaskPixelEvenly()
    {
        MaskOverlayRenderer renderer = new(fillOpacity: 0.5, outlineWidth: 0);

        byte[] png = renderer.Render(Rectangle(100, 50, 300, 450), s_colour);

        using SKBitmap overlay = Decode(png);
        // 0.5 * 255 = 127.5, rounded away from zero to 128.
        Assert.Equal(128, overlay.GetPixel(100, 250).Alpha);
        Assert.Equal(128, overlay.GetPixel(200, 250).Alpha);
    }

    [Fact]
    public void Render_PixelCountNotMatchingSize_Throws()
    {
        GarmentMask broken = new(Width, Height, new byte[10]);

        ArgumentException exception = Assert.Throws<ArgumentException>(() => _renderer.Render(broken, s_colour));

        Assert.Contains("400x533", exception.Message, StringComparison.Ordinal);
    }

    private static GarmentMask Rectangle(int left, int top, int right, int bottom)
    {
        byte[] pixels = new byte[Width * Height];
        for (int y = top; y < bottom; y++)
        {
            Array.Fill(pixels, (byte)1, (y * Width) + left, right - left);
        }

        return new GarmentMask(Width, Height, pixels);
    }

    // Decoded unpremultiplied so that the colour channels of translucent pixels come back exactly.
    private static SKBitmap Decode(byte[] png) =>
        SKBitmap.Decode(png, new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
}
