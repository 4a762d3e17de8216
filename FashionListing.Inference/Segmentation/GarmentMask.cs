namespace FashionListing.Inference.Segmentation;

/// <summary>
/// A binary mask at the photo's own resolution: <c>Pixels[y * Width + x]</c> is 1 where the
/// garment is and 0 elsewhere.
/// </summary>
/// <param name="Width">Width in pixels, equal to the photo's.</param>
/// <param name="Height">Height in pixels, equal to the photo's.</param>
/// <param name="Pixels">Row-major values, 0 or 1.</param>
public sealed record GarmentMask(int Width, int Height, byte[] Pixels);
