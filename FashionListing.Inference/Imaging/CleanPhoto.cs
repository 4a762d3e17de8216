namespace FashionListing.Inference.Imaging;

/// <summary>
/// A photo as the product keeps it: decoded, turned upright, scaled to fit the stored size
/// limit and re-encoded as JPEG with no metadata (no EXIF, GPS or XMP).
/// </summary>
/// <param name="Jpeg">The encoded JPEG bytes.</param>
/// <param name="Width">Width in pixels, after orientation.</param>
/// <param name="Height">Height in pixels, after orientation.</param>
public sealed record CleanPhoto(byte[] Jpeg, int Width, int Height);
