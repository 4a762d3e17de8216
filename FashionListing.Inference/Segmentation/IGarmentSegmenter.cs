using SkiaSharp;

namespace FashionListing.Inference.Segmentation;

/// <summary>Separates the garment in a photo from its background (floor, bed, hanger, wall).</summary>
/// <remarks>Implementations are shared singletons and must be safe to call concurrently.</remarks>
public interface IGarmentSegmenter
{
    /// <summary>Finds the garment's pixels.</summary>
    /// <param name="photo">The upright photo; the mask comes back at exactly its size.</param>
    GarmentMask Segment(SKBitmap photo);
}
