using FashionListing.Inference.Classification;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Classification;

public sealed class GarmentCropTests
{
    [Fact]
    public void SquareRegion_TallBox_IsCentredAndWidenedByTheMargin()
    {
        // Box x 20..39 (20 wide), y 10..49 (40 tall): side = ceil(40 * 1.1) = 44, centred on
        // (30, 30), so left = top = 30 - 22 = 8.
        GarmentMask mask = Box(100, 80, 20, 10, 20, 40);

        SKRectI region = GarmentCrop.SquareRegion(mask, 0.05f);

        Assert.Equal(new SKRectI(8, 8, 52, 52), region);
    }

    [Fact]
    public void SquareRegion_EmptyMask_CoversTheWholePhoto()
    {
        GarmentMask mask = new(60, 40, new byte[60 * 40]);

        SKRectI region = GarmentCrop.SquareRegion(mask, 0f);

        // Whole photo 60x40: side 60, centred vertically: top = (40 - 60) / 2 = -10.
        Assert.Equal(new SKRectI(0, -10, 60, 50), region);
    }

    [Fact]
    public void Render_Mirrored_SwapsLeftAndRight()
    {
        using SKBitmap photo = HalfRedHalfBlue(64);
        GarmentMask mask = Box(64, 64, 0, 0, 64, 64);

        using SKBitmap straight = GarmentCrop.Render(photo, mask, 0f, blankBackground: false, 32, mirrored: false);
        using SKBitmap mirrored = GarmentCrop.Render(photo, mask, 0f, blankBackground: false, 32, mirrored: true);

        Assert.Equal(SKColors.Red, straight.GetPixel(4, 16));
        Assert.Equal(SKColors.Blue, straight.GetPixel(28, 16));
        Assert.Equal(SKColors.Blue, mirrored.GetPixel(4, 16));
        Assert.Equal(SKColors.Red, mirrored.GetPixel(28, 16));
    }

    [Fact]
    public void Render_BlankBackground_FillsOutsideTheMaskWithTheNeutralColour()
    {
        // Red for x < 32, blue beyond. The mask is x 0..47, all rows: the square around it has
        // side 64 and left edge (48 - 64) / 2 = -8, so at size 64 crop x = photo x + 8.
        using SKBitmap photo = HalfRedHalfBlue(64);
        GarmentMask mask = Box(64, 64, 0, 0, 48, 64);

        using SKBitmap crop = GarmentCrop.Render(photo, mask, 0f, blankBackground: true, 64, mirrored: false);

        Assert.Equal(GarmentCrop.NeutralFill, crop.GetPixel(4, 30));
        Assert.Equal(SKColors.Red, crop.GetPixel(20, 30));
        Assert.Equal(SKColors.Blue, crop.GetPixel(48, 30));
        Assert.Equal(GarmentCrop.NeutralFill, crop.GetPixel(60, 30));
    }

    [Fact]
    public void Render_BackgroundKept_ShowsThePhotoOutsideTheMask()
    {
        using SKBitmap photo = HalfRedHalfBlue(64);
        GarmentMask mask = Box(64, 64, 0, 0, 48, 64);

        using SKBitmap crop = GarmentCrop.Render(photo, mask, 0f, blankBackground: false, 64, mirrored: false);

        Assert.Equal(SKColors.Blue, crop.GetPixel(60, 30));
    }

    [Fact]
    public void Render_MaskOfAnotherSize_IsRejected()
    {
        using SKBitmap photo = HalfRedHalfBlue(64);
        GarmentMask mask = Box(32, 64, 0, 0, 32, 64);

        ArgumentException error = Assert.Throws<ArgumentException>(
            () => GarmentCrop.Render(photo, mask, 0f, blankBackground: false, 32, mirrored: false).Dispose());

        Assert.Contains("32x64", error.Message, StringComparison.Ordinal);
    }

    private static GarmentMask Box(int width, int height, int left, int top, int boxWidth, int boxHeight)
    {
        byte[] pixels = new byte[width * height];
        for (int y = top; y < top + boxHeight; y++)
        {
            Array.Fill(pixels, (byte)1, (y * width) + left, boxWidth);
        }

        return new GarmentMask(width, height, pixels);
    }

    private static SKBitmap HalfRedHalfBlue(int size)
    {
        SKBitmap bitmap = new(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                bitmap.SetPixel(x, y, x < size / 2 ? SKColors.Red : SKColors.Blue);
            }
        }

        return bitmap;
    }
}
