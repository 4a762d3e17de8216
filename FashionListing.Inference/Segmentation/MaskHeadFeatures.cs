using FashionListing.Inference.Runtime;
using SkiaSharp;

namespace FashionListing.Inference.Segmentation;

/// <summary>
/// The per-cell inputs of the mask head, on the backbone's stride-8 grid: the stage-2 features,
/// the stage-3 and stage-4 features bilinearly upsampled to that grid, the cell's position and
/// its mean colour. Training and inference build them with this one class.
/// </summary>
public static class MaskHeadFeatures
{
    /// <summary>Values per cell: 128 + 256 + 512 backbone channels, x and y, red, green, blue.</summary>
    public const int Length = 128 + 256 + 512 + 2 + 3;

    /// <summary>
    /// The network input size used for a photo: the head's portrait size, turned for a landscape photo.
    /// </summary>
    /// <param name="photoWidth">Photo width.</param>
    /// <param name="photoHeight">Photo height.</param>
    /// <param name="portraitWidth">Input width for a portrait photo (a multiple of 32).</param>
    /// <param name="portraitHeight">Input height for a portrait photo (a multiple of 32).</param>
    public static (int Width, int Height) InputSize(
        int photoWidth,
        int photoHeight,
        int portraitWidth,
        int portraitHeight) =>
        photoWidth > photoHeight ? (portraitHeight, portraitWidth) : (portraitWidth, portraitHeight);

    /// <summary>
    /// Builds the cell inputs, <c>result[(y * gridWidth + x) * Length + i]</c>, with the grid of
    /// <see cref="BackboneFeatures.Stage2"/>.
    /// </summary>
    /// <param name="features">Backbone output for the whole photo.</param>
    /// <param name="cellColours">The photo resized to the grid, RGBA 8-bit.</param>
    public static float[] Build(BackboneFeatures features, SKBitmap cellColours)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(cellColours);
        FeatureMap s2 = features.Stage2;
        int gw = s2.Width;
        int gh = s2.Height;
        if (cellColours.Width != gw || cellColours.Height != gh || cellColours.ColorType != SKColorType.Rgba8888)
        {
            throw new ArgumentException(
                $"The cell colours are {cellColours.Width}x{cellColours.Height} {cellColours.ColorType}; "
                + $"the grid is {gw}x{gh} and needs Rgba8888.", nameof(cellColours));
        }

        float[] result = new float[gw * gh * Length];
        int plane = gw * gh;
        for (int c = 0; c < s2.Channels; c++)
        {
            for (int i = 0; i < plane; i++)
            {
                result[(i * Length) + c] = s2.Values[(c * plane) + i];
            }
        }

        Upsample(features.Stage3, gw, gh, result, s2.Channels);
        Upsample(features.Stage4, gw, gh, result, s2.Channels + features.Stage3.Channels);

        int offset = s2.Channels + features.Stage3.Channels + features.Stage4.Channels;
        ReadOnlySpan<byte> rgba = cellColours.GetPixelSpan();
        for (int y = 0; y < gh; y++)
        {
            for (int x = 0; x < gw; x++)
            {
                int i = (y * gw) + x;
                int o = (i * Length) + offset;
                result[o] = (x + 0.5f) / gw;
                result[o + 1] = (y + 0.5f) / gh;
                result[o + 2] = rgba[i * 4] / 255f;
                result[o + 3] = rgba[(i * 4) + 1] / 255f;
                result[o + 4] = rgba[(i * 4) + 2] / 255f;
            }
        }

        return result;
    }

    /// <summary>Resizes a photo to the grid with area averaging, as RGBA 8-bit.</summary>
    /// <param name="photo">The photo.</param>
    /// <param name="gridWidth">Grid columns.</param>
    /// <param name="gridHeight">Grid rows.</param>
    public static SKBitmap CellColours(SKBitmap photo, int gridWidth, int gridHeight)
    {
        ArgumentNullException.ThrowIfNull(photo);
        SKBitmap small = new(new SKImageInfo(gridWidth, gridHeight, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using SKCanvas canvas = new(small);
        using SKImage source = SKImage.FromBitmap(photo);
        canvas.DrawImage(
            source,
            new SKRect(0, 0, photo.Width, photo.Height),
            new SKRect(0, 0, gridWidth, gridHeight),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
            paint: null);

        return small;
    }

    // Bilinear, sample centres aligned (align_corners = false), clamped at the borders.
    private static void Upsample(FeatureMap map, int gw, int gh, float[] result, int offset)
    {
        int plane = map.Width * map.Height;
        float sx = (float)map.Width / gw;
        float sy = (float)map.Height / gh;
        for (int y = 0; y < gh; y++)
        {
            float fy = Math.Clamp(((y + 0.5f) * sy) - 0.5f, 0, map.Height - 1);
            int y0 = (int)fy;
            int y1 = Math.Min(y0 + 1, map.Height - 1);
            float wy = fy - y0;
            for (int x = 0; x < gw; x++)
            {
                float fx = Math.Clamp(((x + 0.5f) * sx) - 0.5f, 0, map.Width - 1);
                int x0 = (int)fx;
                int x1 = Math.Min(x0 + 1, map.Width - 1);
                float wx = fx - x0;
                float w00 = (1 - wx) * (1 - wy);
                float w01 = wx * (1 - wy);
                float w10 = (1 - wx) * wy;
                float w11 = wx * wy;
                int i00 = (y0 * map.Width) + x0;
                int i01 = (y0 * map.Width) + x1;
                int i10 = (y1 * map.Width) + x0;
                int i11 = (y1 * map.Width) + x1;
                int o = (((y * gw) + x) * Length) + offset;
                for (int c = 0; c < map.Channels; c++)
                {
                    int b = c * plane;
                    result[o + c] = (w00 * map.Values[b + i00]) + (w01 * map.Values[b + i01])
                        + (w10 * map.Values[b + i10]) + (w11 * map.Values[b + i11]);
                }
            }
        }
    }
}
