using SkiaSharp;

namespace FashionListing.Inference.Imaging;

/// <summary>
/// A photo decoded by <see cref="PhotoDecoder"/>: upright, no larger than the stored size limit,
/// with transparent areas flattened onto white. Owns its bitmap; dispose it when done.
/// </summary>
public sealed class DecodedPhoto : IDisposable
{
    internal DecodedPhoto(
        SKBitmap bitmap,
        PhotoFormat format,
        SKEncodedOrigin origin,
        SKSizeI originalSize,
        SKSizeI codecSize)
    {
        Bitmap = bitmap;
        Format = format;
        Origin = origin;
        OriginalWidth = originalSize.Width;
        OriginalHeight = originalSize.Height;
        CodecSize = codecSize;
    }

    /// <summary>
    /// The upright pixels, <see cref="SKColorType.Rgba8888"/> with premultiplied alpha in sRGB;
    /// every pixel is opaque. Owned by this object and disposed with it.
    /// </summary>
    public SKBitmap Bitmap { get; }

    /// <summary>Width of <see cref="Bitmap"/> in pixels.</summary>
    public int Width => Bitmap.Width;

    /// <summary>Height of <see cref="Bitmap"/> in pixels.</summary>
    public int Height => Bitmap.Height;

    /// <summary>The format the file was in.</summary>
    public PhotoFormat Format { get; }

    /// <summary>The orientation the file declared (EXIF), already applied to <see cref="Bitmap"/>.</summary>
    public SKEncodedOrigin Origin { get; }

    /// <summary>Width of the full-resolution photo, upright.</summary>
    public int OriginalWidth { get; }

    /// <summary>Height of the full-resolution photo, upright.</summary>
    public int OriginalHeight { get; }

    /// <summary>
    /// The size the codec decoded to, in the file's stored orientation, before the final resize.
    /// Smaller than the file's size when the codec decoded at a reduced scale (JPEG, WebP).
    /// </summary>
    public SKSizeI CodecSize { get; }

    /// <summary>The codec's scale: <see cref="CodecSize"/> width over the file's stored width.</summary>
    public float CodecScale =>
        (float)CodecSize.Width / (PhotoDecoder.SwapsAxes(Origin) ? OriginalHeight : OriginalWidth);

    /// <summary>Releases the bitmap.</summary>
    public void Dispose() => Bitmap.Dispose();
}
