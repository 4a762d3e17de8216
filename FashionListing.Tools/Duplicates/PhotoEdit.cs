using SkiaSharp;

namespace FashionListing.Tools.Duplicates;

/// <summary>What someone reusing another seller's photo might do to it before uploading it again.</summary>
public enum PhotoEditKind
{
    /// <summary>Cut out a part of the photo, keeping a share of its area.</summary>
    Crop,

    /// <summary>Save it again as a JPEG at a given quality.</summary>
    Reencode,

    /// <summary>Scale it to half its width and height.</summary>
    HalfSize,

    /// <summary>Turn it by a few degrees, zoomed so that no empty corner shows, as phone editors straighten.</summary>
    Rotate,

    /// <summary>Flip it left to right.</summary>
    Mirror,
}

/// <summary>One edit of a photo, with its amount, and how it is applied.</summary>
/// <param name="Name">A short name for reports, e.g. "crop 75 %".</param>
/// <param name="Kind">The kind of edit.</param>
/// <param name="Amount">Area share for a crop, JPEG quality for a re-encoding, degrees for a rotation.</param>
public sealed record PhotoEdit(string Name, PhotoEditKind Kind, double Amount)
{
    // Geometric edits are saved at a high quality, as an editing app does; only the re-encodings lower it.
    private const int SaveQuality = 95;

    /// <summary>
    /// The edits the duplicate finder is tuned and tested on: crops to 90 % and 75 % of the area, JPEG at
    /// quality 90 and 50, half size, rotations of 3 and 8 degrees either way, and the mirror image.
    /// </summary>
    public static IReadOnlyList<PhotoEdit> Standard { get; } =
    [
        new("crop 90 %", PhotoEditKind.Crop, 0.90),
        new("crop 75 %", PhotoEditKind.Crop, 0.75),
        new("JPEG quality 90", PhotoEditKind.Reencode, 90),
        new("JPEG quality 50", PhotoEditKind.Reencode, 50),
        new("half size", PhotoEditKind.HalfSize, 0.5),
        new("rotate +3°", PhotoEditKind.Rotate, 3),
        new("rotate -3°", PhotoEditKind.Rotate, -3),
        new("rotate +8°", PhotoEditKind.Rotate, 8),
        new("rotate -8°", PhotoEditKind.Rotate, -8),
        new("mirror", PhotoEditKind.Mirror, 0),
    ];

    /// <summary>Applies the edit and encodes the result as the JPEG that would be uploaded.</summary>
    /// <param name="photo">The original photo; not changed, not disposed.</param>
    public byte[] Apply(SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);

        if (Kind == PhotoEditKind.Reencode)
        {
            return Encode(photo, (int)Amount);
        }

        (int width, int height) = Kind == PhotoEditKind.HalfSize
            ? (Math.Max(1, photo.Width / 2), Math.Max(1, photo.Height / 2))
            : Kind == PhotoEditKind.Crop
                ? ((int)Math.Round(photo.Width * Math.Sqrt(Amount)), (int)Math.Round(photo.Height * Math.Sqrt(Amount)))
                : (photo.Width, photo.Height);
        using SKBitmap edited = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(edited))
        {
            canvas.Clear(SKColors.White);
            Transform(canvas, photo, width, height);
            using SKImage source = SKImage.FromBitmap(photo);
            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        return Encode(edited, SaveQuality);
    }

    private void Transform(SKCanvas canvas, SKBitmap photo, int width, int height)
    {
        switch (Kind)
        {
            case PhotoEditKind.Crop:
                // Off centre (30 % of the spare width from the left, 60 % of the spare height from the top), as a
                // hand-made crop rarely is centred.
                canvas.Translate(-0.3f * (photo.Width - width), -0.6f * (photo.Height - height));
                break;
            case PhotoEditKind.HalfSize:
                canvas.Scale((float)width / photo.Width, (float)height / photo.Height);
                break;
            case PhotoEditKind.Rotate:
                double radians = Math.Abs(Amount) * Math.PI / 180;
                double cos = Math.Cos(radians);
                double sin = Math.Sin(radians);

                // The smallest zoom at which the turned photo still covers the whole frame.
                float zoom = (float)Math.Max(
                    ((photo.Width * cos) + (photo.Height * sin)) / photo.Width,
                    ((photo.Width * sin) + (photo.Height * cos)) / photo.Height);
                canvas.Translate(width / 2f, height / 2f);
                canvas.RotateDegrees((float)Amount);
                canvas.Scale(zoom);
                canvas.Translate(-photo.Width / 2f, -photo.Height / 2f);
                break;
            case PhotoEditKind.Mirror:
                canvas.Translate(width, 0);
                canvas.Scale(-1, 1);
                break;
            default:
                throw new InvalidOperationException($"Edit kind {Kind} has no geometric transform.");
        }
    }

    private static byte[] Encode(SKBitmap bitmap, int quality)
    {
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality)
            ?? throw new InvalidOperationException($"Skia could not encode a {bitmap.Width}x{bitmap.Height} JPEG.");

        return data.ToArray();
    }
}
