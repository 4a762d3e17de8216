using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using SkiaSharp;

namespace FashionListing.Tests.Instances;

public sealed class InputFitTests
{
    [Fact]
    public void Create_Stretch_ScalesEachAxisWithoutPadding()
    {
        InputFit fit = InputFit.Create(ResizeMode.Stretch, 641, 427, 384, 384);

        Assert.Equal(384.0 / 641, fit.ScaleX, 12);
        Assert.Equal(384.0 / 427, fit.ScaleY, 12);
        Assert.Equal(0, fit.PadLeft);
        Assert.Equal(0, fit.PadTop);
        Assert.Equal(SKRectI.Create(0, 0, 384, 384), fit.ContentRect);
    }

    [Fact]
    public void Create_LetterboxLandscape_CentresTheRoundedPhotoVertically()
    {
        // Scale 384 / 641 = 0.59906; 427 * 0.59906 = 255.8, drawn 256 high; (384 - 256) / 2 = 64 above.
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 641, 427, 384, 384);

        Assert.Equal(SKRectI.Create(0, 64, 384, 256), fit.ContentRect);
        Assert.Equal(384.0 / 641, fit.ScaleX, 12);
        Assert.Equal(256.0 / 427, fit.ScaleY, 12);
        Assert.Equal(64, fit.PadTop);
    }

    [Fact]
    public void Create_LetterboxOddPadding_PutsTheOddPixelRight()
    {
        // Scale 64 / 301 = 0.21262; 100 * 0.21262 = 21.26, drawn 21 wide; 43 pixels of padding: 21 left, 22 right.
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 100, 301, 64, 64);

        Assert.Equal(SKRectI.Create(21, 0, 21, 64), fit.ContentRect);
        Assert.Equal(21, fit.PadLeft);
    }

    [Theory]
    [InlineData(ResizeMode.Stretch)]
    [InlineData(ResizeMode.Letterbox)]
    public void InputX_OfThePhotoEdges_AreTheEdgesOfTheContentRect(ResizeMode mode)
    {
        InputFit fit = InputFit.Create(mode, 641, 427, 384, 384);
        SKRectI content = fit.ContentRect;

        Assert.Equal(content.Left, fit.InputX(0), 9);
        Assert.Equal(content.Right, fit.InputX(641), 9);
        Assert.Equal(content.Top, fit.InputY(0), 9);
        Assert.Equal(content.Bottom, fit.InputY(427), 9);
    }

    [Fact]
    public void PhotoX_OfInputX_ReturnsThePhotoCoordinate()
    {
        InputFit fit = InputFit.Create(ResizeMode.Letterbox, 100, 301, 64, 64);

        double input = fit.InputX(37.25);

        Assert.Equal(21 + (37.25 * 21 / 100), input, 9);
        Assert.Equal(37.25, fit.PhotoX(input), 9);
    }

    [Theory]
    [InlineData(0, 427)]
    [InlineData(641, -1)]
    public void Create_PhotoWithoutPixels_Throws(int width, int height)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => InputFit.Create(ResizeMode.Stretch, width, height, 384, 384));

        Assert.Contains("must be at least 1", error.Message, StringComparison.Ordinal);
    }
}
