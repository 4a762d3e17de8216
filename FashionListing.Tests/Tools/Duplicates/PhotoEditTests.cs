using FashionListing.Tools.Duplicates;
using SkiaSharp;

namespace FashionListing.Tests.Tools.Duplicates;

public sealed class PhotoEditTests
{
    [Theory]
    [InlineData(0.90, 379, 506)]
    [InlineData(0.75, 346, 462)]
    public void Apply_Crop_KeepsTheShareOfTheArea(double share, int width, int height)
    {
        // 400 x 533 times sqrt(share): sqrt(0.9) = 0.9487, sqrt(0.75) = 0.8660.
        using SKBitmap photo = Striped(400, 533);
        PhotoEdit crop = new("crop", PhotoEditKind.Crop, share);

        using SKBitmap edited = SKBitmap.Decode(crop.Apply(photo));

        Assert.Equal((width, height), (edited.Width, edited.Height));
    }

    [Fact]
    public void Apply_HalfSize_HalvesBothSides()
    {
        using SKBitmap photo = Striped(400, 533);

        using SKBitmap edited = SKBitmap.Decode(new PhotoEdit("half", PhotoEditKind.HalfSize, 0.5).Apply(photo));

        Assert.Equal((200, 266), (edited.Width, edited.Height));
    }

    [Fact]
    public void Apply_Mirror_MovesTheLeftColumnToTheRight()
    {
        using SKBitmap photo = Striped(64, 32);

        using SKBitmap edited = SKBitmap.Decode(new PhotoEdit("mirror", PhotoEditKind.Mirror, 0).Apply(photo));

        // The left half of the original is black, so after mirroring the right edge is dark and the left bright.
        Assert.True(edited.GetPixel(60, 16).Red < 40, $"right edge: {edited.GetPixel(60, 16)}");
        Assert.True(edited.GetPixel(3, 16).Red > 215, $"left edge: {edited.GetPixel(3, 16)}");
    }

    [Fact]
    public void Apply_Rotate_FillsEveryCornerWithThePhoto()
    {
        // A photo of mid grey on a white canvas: a corner left empty by the turn would come out white.
        using SKBitmap photo = new(200, 300);
        photo.Erase(new SKColor(128, 128, 128));

        using SKBitmap edited = SKBitmap.Decode(new PhotoEdit("rotate", PhotoEditKind.Rotate, 8).Apply(photo));

        SKColor[] corners =
            [edited.GetPixel(0, 0), edited.GetPixel(199, 0), edited.GetPixel(0, 299), edited.GetPixel(199, 299)];

        Assert.All(corners, corner => Assert.InRange(corner.Red, (byte)110, (byte)146));
    }

    // Black on the left half, white on the right.
    private static SKBitmap Striped(int width, int height)
    {
        SKBitmap bitmap = new(width, height);
        using SKCanvas canvas = new(bitmap);
        canvas.Clear(SKColors.White);
        using SKPaint black = new() { Color = SKColors.Black };
        canvas.DrawRect(0, 0, width / 2f, height, black);

        return bitmap;
    }
}
