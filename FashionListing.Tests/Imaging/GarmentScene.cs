using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

/// <summary>
/// A garment-like shape at a known place: a dark navy rectangle on a light floor, as in the app's warm-up photo.
/// Tests build every unusual file from it and compare the returned mask with <see cref="Truth"/>.
/// </summary>
internal static class GarmentScene
{
    public static readonly SKColor Floor = new(225, 220, 210);
    public static readonly SKColor Garment = new(40, 50, 90);

    /// <summary>An opaque photo of the floor with the garment covering <paramref name="garment"/>.</summary>
    public static SKBitmap Draw(int width, int height, SKRectI garment)
    {
        SKBitmap bitmap = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using SKCanvas canvas = new(bitmap);
        canvas.Clear(Floor);
        using SKPaint paint = new() { Color = Garment };
        canvas.DrawRect(garment, paint);

        return bitmap;
    }

    /// <summary>Where the garment really is: 1 inside <paramref name="garment"/>, 0 elsewhere.</summary>
    public static byte[] Truth(int width, int height, SKRectI garment)
    {
        byte[] pixels = new byte[width * height];
        for (int y = garment.Top; y < garment.Bottom; y++)
        {
            pixels.AsSpan((y * width) + garment.Left, garment.Width).Fill(1);
        }

        return pixels;
    }

    /// <summary>The smallest rectangle holding every garment pixel of the mask; empty for an empty mask.</summary>
    public static SKRectI Bounds(GarmentMask mask)
    {
        int left = mask.Width;
        int top = mask.Height;
        int right = 0;
        int bottom = 0;
        for (int y = 0; y < mask.Height; y++)
        {
            for (int x = 0; x < mask.Width; x++)
            {
                if (mask.Pixels[(y * mask.Width) + x] != 0)
                {
                    left = Math.Min(left, x);
                    top = Math.Min(top, y);
                    right = Math.Max(right, x + 1);
                    bottom = Math.Max(bottom, y + 1);
                }
            }
        }

        return right == 0 ? SKRectI.Empty : new SKRectI(left, top, right, bottom);
    }

    /// <summary>Asserts that the mask covers the garment: IoU at least <paramref name="minIoU"/>, edges near.</summary>
    public static void AssertMaskCovers(GarmentMask mask, SKRectI garment, double minIoU, int edgeTolerance)
    {
        double iou = MaskMetrics.IoU(mask.Pixels, Truth(mask.Width, mask.Height, garment));
        SKRectI bounds = Bounds(mask);
        Assert.True(
            iou >= minIoU,
            $"The mask's IoU with the garment at {garment} is {iou:F3} (at least {minIoU} expected); "
                + $"the mask's bounding box is {bounds}.");
        int worstEdge = Math.Max(
            Math.Max(Math.Abs(bounds.Left - garment.Left), Math.Abs(bounds.Right - garment.Right)),
            Math.Max(Math.Abs(bounds.Top - garment.Top), Math.Abs(bounds.Bottom - garment.Bottom)));
        Assert.True(
            worstEdge <= edgeTolerance,
            $"The mask's bounding box {bounds} is {worstEdge} px from the garment at {garment} "
                + $"(at most {edgeTolerance} expected).");
    }
}
