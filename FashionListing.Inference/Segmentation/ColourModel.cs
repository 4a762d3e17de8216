namespace FashionListing.Inference.Segmentation;

/// <summary>
/// Garment and background colour histograms estimated from a soft mask, and the per-pixel
/// log-likelihood ratio they give: positive where a colour is more typical of the garment. This
/// adds pixel-level detail (thin straps, hoods, sleeves) that the coarse head misses.
/// </summary>
public static class ColourModel
{
    /// <summary>Levels per RGB channel; 16 gives 4,096 bins of 16 values each.</summary>
    public const int Levels = 16;

    private const int Shift = 4;
    private const int Bins = Levels * Levels * Levels;

    /// <summary>Per-pixel log-likelihood ratio of garment versus background colour.</summary>
    /// <param name="bins">Each pixel's colour bin, from <see cref="BinsOf"/>.</param>
    /// <param name="probability">The current garment probability of each pixel.</param>
    /// <param name="limit">The ratio is clamped to plus or minus this.</param>
    public static float[] LogLikelihoodRatio(ushort[] bins, float[] probability, float limit)
    {
        ArgumentNullException.ThrowIfNull(bins);
        ArgumentNullException.ThrowIfNull(probability);
        float[] garment = new float[Bins];
        float[] background = new float[Bins];
        float garmentTotal = 0;
        float backgroundTotal = 0;

        // Every second pixel in each direction is plenty for 4,096 bins and a quarter of the work.
        for (int i = 0; i < bins.Length; i += 2)
        {
            float p = probability[i];
            if (p > 0.7f)
            {
                garment[bins[i]]++;
                garmentTotal++;
            }
            else if (p < 0.3f)
            {
                background[bins[i]]++;
                backgroundTotal++;
            }
        }

        float[] table = new float[Bins];
        float g = garmentTotal + Bins;
        float b = backgroundTotal + Bins;
        for (int k = 0; k < Bins; k++)
        {
            float ratio = MathF.Log((garment[k] + 1) / g) - MathF.Log((background[k] + 1) / b);
            table[k] = Math.Clamp(ratio, -limit, limit);
        }

        float[] result = new float[bins.Length];
        for (int i = 0; i < bins.Length; i++)
        {
            result[i] = table[bins[i]];
        }

        return result;
    }

    /// <summary>The colour bin of every pixel of an RGBA 8-bit image.</summary>
    /// <param name="rgba">Pixels, 4 bytes each.</param>
    /// <param name="rowBytes">Bytes per row.</param>
    /// <param name="width">Width.</param>
    /// <param name="height">Height.</param>
    public static ushort[] BinsOf(ReadOnlySpan<byte> rgba, int rowBytes, int width, int height)
    {
        ushort[] bins = new ushort[width * height];
        for (int y = 0; y < height; y++)
        {
            int row = y * rowBytes;
            for (int x = 0; x < width; x++)
            {
                int p = row + (x * 4);
                bins[(y * width) + x] = (ushort)(((rgba[p] >> Shift) << (2 * Shift))
                    | ((rgba[p + 1] >> Shift) << Shift) | (rgba[p + 2] >> Shift));
            }
        }

        return bins;
    }
}
