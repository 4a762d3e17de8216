namespace FashionListing.Inference.Segmentation;

/// <summary>Measures of agreement between two binary masks of the same size.</summary>
public static class MaskMetrics
{
    /// <summary>
    /// Intersection over union of the pixels that are non-zero in each mask. Two empty masks agree
    /// completely, so their IoU is 1.
    /// </summary>
    /// <param name="first">One mask, row-major, non-zero = garment.</param>
    /// <param name="second">The other mask, the same length.</param>
    public static double IoU(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (first.Length != second.Length)
        {
            throw new ArgumentException(
                $"The masks have {first.Length} and {second.Length} pixels; they must be the same size.",
                nameof(second));
        }

        long intersection = 0;
        long union = 0;
        for (int i = 0; i < first.Length; i++)
        {
            bool a = first[i] != 0;
            bool b = second[i] != 0;
            intersection += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }

        return union == 0 ? 1.0 : (double)intersection / union;
    }

    /// <summary>Intersection over union of two garment masks of the same size.</summary>
    /// <param name="first">One mask.</param>
    /// <param name="second">The other mask, the same width and height.</param>
    public static double IoU(GarmentMask first, GarmentMask second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Width != second.Width || first.Height != second.Height)
        {
            throw new ArgumentException(
                $"The masks are {first.Width}x{first.Height} and {second.Width}x{second.Height}; "
                + "they must be the same size.",
                nameof(second));
        }

        return IoU(first.Pixels, second.Pixels);
    }
}
