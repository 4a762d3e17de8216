using System.Diagnostics;
using FashionListing.Inference.Imaging;
using SkiaSharp;

namespace FashionListing.Inference.Pipeline;

/// <summary>What every suggester does the same way: clean a photo without a model, and the warm-up photo.</summary>
internal static class PhotoCleaning
{
    /// <summary>Decodes and re-encodes a photo for a listing filled by hand.</summary>
    public static SuggestionOutcome Clean(PhotoDecoder decoder, ReadOnlyMemory<byte> photo)
    {
        long started = Stopwatch.GetTimestamp();
        if (!decoder.TryDecode(photo, out DecodedPhoto? decoded, out PhotoRejected? rejection))
        {
            return rejection;
        }

        using (decoded)
        {
            CleanPhoto clean = PhotoEncoder.Encode(decoded);
            double decodeMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            return new PhotoAnalysed(clean, [], new StageTimings(decodeMs, 0, 0, 0, 0, 0, decodeMs));
        }
    }

    /// <summary>
    /// A JPEG of a dark garment-like shape on a light floor: enough for every stage of a model to run once at
    /// start-up, so the first seller does not wait for sessions to load.
    /// </summary>
    public static byte[] WarmUpPhoto()
    {
        using SKBitmap bitmap = new(new SKImageInfo(300, 400, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(bitmap))
        {
            canvas.Clear(new SKColor(225, 220, 210));
            using SKPaint paint = new() { Color = new SKColor(40, 50, 90) };
            canvas.DrawRect(new SKRect(60, 60, 240, 340), paint);
        }

        using SKData jpeg = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);

        return jpeg.ToArray();
    }
}
