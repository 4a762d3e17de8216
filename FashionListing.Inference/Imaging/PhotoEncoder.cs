using SkiaSharp;

namespace FashionListing.Inference.Imaging;

/// <summary>
/// Re-encodes an upright photo as the JPEG the product stores: quality <see cref="JpegQuality"/>,
/// with no EXIF, GPS, XMP, ICC or comment segments, so nothing about the seller's camera or
/// whereabouts leaves with the listing.
/// </summary>
/// <remarks>Safe to use from many threads at once.</remarks>
public static class PhotoEncoder
{
    /// <summary>The JPEG quality (0 to 100) of stored photos.</summary>
    public const int JpegQuality = 90;

    /// <summary>Encodes a decoded photo.</summary>
    /// <param name="photo">The photo from <see cref="PhotoDecoder"/>; it stays owned by the caller.</param>
    public static CleanPhoto Encode(DecodedPhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);

        return Encode(photo.Bitmap);
    }

    /// <summary>Encodes an upright bitmap as it is; transparent pixels come out black.</summary>
    /// <param name="upright">The pixels; it stays owned by the caller.</param>
    /// <exception cref="InvalidOperationException">Skia could not encode the bitmap.</exception>
    public static CleanPhoto Encode(SKBitmap upright)
    {
        ArgumentNullException.ThrowIfNull(upright);

        using SKPixmap pixmap = upright.PeekPixels()
            ?? throw new InvalidOperationException("The bitmap has no pixels to encode.");
        SKJpegEncoderOptions options = new(
            JpegQuality,
            SKJpegEncoderDownsample.Downsample420,
            SKJpegEncoderAlphaOption.Ignore);
        using SKData encoded = pixmap.Encode(options) ?? throw new InvalidOperationException(
            $"Skia could not encode a {upright.Width}x{upright.Height} {upright.ColorType} bitmap as JPEG.");

        // Skia writes no EXIF or XMP of its own, but it does write an ICC profile (APP2) for a
        // bitmap with a colour space; the pixels are sRGB already, so the profile adds nothing.
        byte[] jpeg = JpegMetadata.Strip(encoded.AsSpan());

        return new CleanPhoto(jpeg, upright.Width, upright.Height);
    }
}
