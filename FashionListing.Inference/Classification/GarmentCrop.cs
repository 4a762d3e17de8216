using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Inference.Classification;

/// <summary>
/// Cuts the garment out of its photo for the category head: a square around the mask's bounding
/// box, padded with a neutral colour where the square leaves the photo, optionally with the
/// background outside the mask blanked to that colour.
/// </summary>
public static class GarmentCrop
{
    /// <summary>
    /// The padding colour: close to the backbone's mean pixel, so padded areas enter the network
    /// as values near zero.
    /// </summary>
    public static readonly SKColor NeutralFill = new(123, 117, 104);

    /// <summary>
    /// The square region, in photo pixels, centred on the mask's bounding box and larger than its
    /// longer side by <paramref name="margin"/> on each side. It may reach outside the photo.
    /// </summary>
    /// <param name="mask">The garment's mask.</param>
    /// <param name="margin">The border on each side, as a fraction of the box's longer side.</param>
    /// <remarks>An empty mask gives the square around the whole photo.</remarks>
    public static SKRectI SquareRegion(GarmentMask mask, float margin)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        (int minX, int minY, int maxX, int maxY) = BoundingBox(mask);
        int boxWidth = maxX - minX + 1;
        int boxHeight = maxY - minY + 1;
        int side = (int)Math.Ceiling(Math.Max(boxWidth, boxHeight) * (1 + (2 * margin)));

        int left = (int)Math.Floor(((minX + maxX + 1) - side) / 2.0);
        int top = (int)Math.Floor(((minY + maxY + 1) - side) / 2.0);

        return new SKRectI(left, top, left + side, top + side);
    }

    /// <summary>Renders the crop as a <paramref name="size"/> x <paramref name="size"/> RGBA bitmap.</summary>
    /// <param name="photo">The photo the mask was made for.</param>
    /// <param name="mask">The garment's mask, at the photo's size.</param>
    /// <param name="margin">The border around the mask's box; see <see cref="SquareRegion"/>.</param>
    /// <param name="blankBackground">Whether pixels outside the mask become <see cref="NeutralFill"/>.</param>
    /// <param name="size">The side of the result in pixels.</param>
    /// <param name="mirrored">Whether the crop is flipped left to right.</param>
    /// <returns>A new bitmap the caller disposes.</returns>
    public static SKBitmap Render(
        SKBitmap photo,
        GarmentMask mask,
        float margin,
        bool blankBackground,
        int size,
        bool mirrored)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (mask.Width != photo.Width || mask.Height != photo.Height)
        {
            throw new ArgumentException(
                $"The mask is {mask.Width}x{mask.Height} but the photo is {photo.Width}x{photo.Height}; "
                + "they must be the same size.",
                nameof(mask));
        }

        SKRectI region = SquareRegion(mask, margin);
        using SKBitmap? blanked = blankBackground ? Blank(photo, mask) : null;

        SKBitmap crop = new(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using SKCanvas canvas = new(crop);
        canvas.Clear(NeutralFill);
        if (mirrored)
        {
            canvas.Translate(size, 0);
            canvas.Scale(-1, 1);
        }

        canvas.Scale(size / (float)region.Width);
        canvas.Translate(-region.Left, -region.Top);
        using SKImage source = SKImage.FromBitmap(blanked ?? photo);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint: null);

        return crop;
    }

    private static (int MinX, int MinY, int MaxX, int MaxY) BoundingBox(GarmentMask mask)
    {
        int minX = mask.Width;
        int minY = mask.Height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < mask.Height; y++)
        {
            ReadOnlySpan<byte> row = mask.Pixels.AsSpan(y * mask.Width, mask.Width);
            int first = row.IndexOfAnyExcept((byte)0);
            if (first < 0)
            {
                continue;
            }

            int last = row.LastIndexOfAnyExcept((byte)0);
            minX = Math.Min(minX, first);
            maxX = Math.Max(maxX, last);
            minY = Math.Min(minY, y);
            maxY = y;
        }

        return maxX < 0 ? (0, 0, mask.Width - 1, mask.Height - 1) : (minX, minY, maxX, maxY);
    }

    private static SKBitmap Blank(SKBitmap photo, GarmentMask mask)
    {
        SKBitmap copy = new(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (SKCanvas canvas = new(copy))
        {
            using SKImage source = SKImage.FromBitmap(photo);
            canvas.DrawImage(source, 0, 0, SKSamplingOptions.Default, paint: null);
        }

        Span<byte> rgba = copy.GetPixelSpan();
        for (int i = 0; i < mask.Pixels.Length; i++)
        {
            if (mask.Pixels[i] == 0)
            {
                rgba[i * 4] = NeutralFill.Red;
                rgba[(i * 4) + 1] = NeutralFill.Green;
                rgba[(i * 4) + 2] = NeutralFill.Blue;
                rgba[(i * 4) + 3] = 255;
            }
        }

        return copy;
    }
}
