using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tools.Classification;

/// <summary>
/// A stand-in for the real garment segmenter while it is being built: every pixel is garment, so
/// the category crop is the whole photo padded to a square. Only the training command uses it.
/// </summary>
public sealed class WholePhotoStandInSegmenter : IGarmentSegmenter
{
    /// <inheritdoc />
    public GarmentMask Segment(SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        byte[] pixels = new byte[photo.Width * photo.Height];
        Array.Fill(pixels, (byte)1);

        return new GarmentMask(photo.Width, photo.Height, pixels);
    }
}
