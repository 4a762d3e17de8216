using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FashionListing.Inference.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Inference.Imaging;

/// <summary>
/// Turns an uploaded file into an upright bitmap no larger than
/// <see cref="PhotoLimits.MaxStoredSide"/>, or into a rejection the seller can act on.
/// </summary>
/// <remarks>
/// The checks run from cheapest to dearest: byte count, format (magic bytes), pixel count from the
/// header, and only then the pixels. Large JPEG, WebP and GIF files are decoded by the codec at a
/// reduced scale, so a 12 MP photo is never held at full resolution; PNG cannot be, and is
/// decoded in full before it is scaled down. Animated WebP and GIF keep their first frame. The decoder
/// keeps no state between calls and is safe to use from many threads at once.
/// </remarks>
public sealed partial class PhotoDecoder
{
    private const int BytesPerMegabyte = 1024 * 1024;
    private const int PixelsPerMegapixel = 1_000_000;
    private const string UnsupportedMessage = "This file is not a JPEG, PNG, WebP or GIF photo.";
    private const string CorruptMessage = "The photo could not be read; the file may be damaged.";
    private const string IncompleteMessage =
        "The photo is incomplete: the file ends before the picture does, perhaps because it was not fully copied "
        + "or downloaded. Please upload it again, or export it again from where it came from.";
    private const string ExportAsJpeg = "Please save or export it as a JPEG and upload that.";
    private const string NotAPhoto = "Please upload a photo of the garment (JPEG, PNG, WebP or GIF).";
    private const string PlainCmykMessage =
        "This JPEG stores print colours (CMYK) without saying how, so its colours cannot be shown correctly. "
        + "Please save it as an ordinary (RGB) JPEG and upload that.";

    private static readonly SKColorSpace s_srgb = SKColorSpace.CreateSrgb();

    private readonly PhotoLimits _limits;
    private readonly ILogger<PhotoDecoder> _logger;

    /// <summary>Creates a decoder that enforces <paramref name="limits"/>.</summary>
    /// <exception cref="ValidationException">The limits are out of their allowed ranges.</exception>
    public PhotoDecoder(IOptions<PhotoLimits> limits, ILogger<PhotoDecoder> logger)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(logger);

        _limits = limits.Value;
        Validator.ValidateObject(_limits, new ValidationContext(_limits), validateAllProperties: true);
        _logger = logger;
    }

    /// <inheritdoc cref="TryDecode(ReadOnlySpan{byte}, out DecodedPhoto?, out PhotoRejected?)"/>
    public bool TryDecode(
        ReadOnlyMemory<byte> file,
        [NotNullWhen(true)] out DecodedPhoto? photo,
        [NotNullWhen(false)] out PhotoRejected? rejection) => TryDecode(file.Span, out photo, out rejection);

    /// <summary>Checks and decodes one uploaded file.</summary>
    /// <param name="file">The file's bytes exactly as uploaded.</param>
    /// <param name="photo">The decoded photo, which the caller owns and disposes; null when rejected.</param>
    /// <param name="rejection">Why the file cannot be used, in words for the seller; null on success.</param>
    /// <returns><see langword="true"/> when the file was decoded.</returns>
    public bool TryDecode(
        ReadOnlySpan<byte> file,
        [NotNullWhen(true)] out DecodedPhoto? photo,
        [NotNullWhen(false)] out PhotoRejected? rejection)
    {
        photo = null;
        rejection = Check(file, out PhotoFormat format);
        if (rejection is not null)
        {
            return false;
        }

        using SKData data = SKData.CreateCopy(file);
        using SKCodec? codec = SKCodec.Create(data);
        if (codec is null)
        {
            Log.CodecFailed(_logger, format, "no codec accepted the header");
            rejection = Reject(PhotoRejectionReason.Corrupt, CorruptMessage);
            return false;
        }

        // The magic bytes said which format this is; a codec that reads it as another format means
        // the sniffing and Skia disagree, and the file is not decoded rather than trusted.
        if (FormatOf(codec.EncodedFormat) != format)
        {
            rejection = Reject(PhotoRejectionReason.UnsupportedType, UnsupportedMessage);
            return false;
        }

        // Skia, like browsers, reads every CMYK JPEG the way Adobe software writes them (255 meaning no ink).
        // One without Adobe's marker most likely stores the ink as it is and would be stored as a negative.
        if (format == PhotoFormat.Jpeg && JpegMetadata.IsCmykWithoutAdobeMarker(file))
        {
            rejection = Reject(PhotoRejectionReason.UnsupportedType, PlainCmykMessage);
            return false;
        }

        long pixels = (long)codec.Info.Width * codec.Info.Height;
        if (pixels > _limits.MaxPixels)
        {
            rejection = Reject(PhotoRejectionReason.TooManyPixels, TooManyPixelsMessage(pixels));
            return false;
        }

        photo = DecodeUpright(codec, format, out SKCodecResult result);
        if (photo is null)
        {
            string message = result == SKCodecResult.IncompleteInput ? IncompleteMessage : CorruptMessage;
            rejection = Reject(PhotoRejectionReason.Corrupt, message);
            return false;
        }

        return true;
    }

    private DecodedPhoto? DecodeUpright(SKCodec codec, PhotoFormat format, out SKCodecResult result)
    {
        SKImageInfo header = codec.Info;
        SKEncodedOrigin origin = codec.EncodedOrigin;
        SKSizeI uprightSize = SwapsAxes(origin) ? Transpose(header.Size) : header.Size;
        SKSizeI targetSize = FitWithin(uprightSize, _limits.MaxStoredSide);
        SKSizeI codecSize = ChooseCodecSize(codec, SwapsAxes(origin) ? Transpose(targetSize) : targetSize);

        SKImageInfo decodeInfo = PixelInfo(codecSize);
        Log.Decoding(_logger, header.Width, header.Height, format, codecSize.Width, codecSize.Height);
        SKBitmap? decoded = new(decodeInfo);
        try
        {
            // Frame 0 is the first frame of an animated GIF or WebP; the others are never decoded.
            result = codec.GetPixels(decodeInfo, decoded.GetPixels());
            if (result != SKCodecResult.Success)
            {
                // IncompleteInput included: the missing rows would be filled with black, and a
                // listing photo with a black band is worse than asking for the file again.
                Log.CodecFailed(_logger, format, result.ToString());
                return null;
            }

            bool alreadyFinal = origin == SKEncodedOrigin.TopLeft
                && codecSize == targetSize
                && header.AlphaType == SKAlphaType.Opaque;
            SKBitmap upright = alreadyFinal ? decoded : Render(decoded, origin, targetSize);
            if (alreadyFinal)
            {
                decoded = null;
            }

            return new DecodedPhoto(upright, format, origin, uprightSize, codecSize);
        }
        finally
        {
            decoded?.Dispose();
        }
    }

    /// <summary>Whether an EXIF orientation turns the photo a quarter turn, swapping width and height.</summary>
    internal static bool SwapsAxes(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop
        or SKEncodedOrigin.RightTop
        or SKEncodedOrigin.RightBottom
        or SKEncodedOrigin.LeftBottom;

    private PhotoRejected? Check(ReadOnlySpan<byte> file, out PhotoFormat format)
    {
        format = PhotoFormat.Unsupported;
        if (file.IsEmpty)
        {
            return Reject(PhotoRejectionReason.Empty, "The file is empty.");
        }

        if (file.Length > _limits.MaxUploadBytes)
        {
            return Reject(PhotoRejectionReason.TooManyBytes, TooManyBytesMessage(file.Length));
        }

        format = PhotoFormatSniffer.Sniff(file);
        if (format == PhotoFormat.Unsupported)
        {
            return Reject(PhotoRejectionReason.UnsupportedType, RefusedMessage(PhotoFormatSniffer.Identify(file)));
        }

        return null;
    }

    private static string RefusedMessage(RefusedFormat format) => format switch
    {
        RefusedFormat.Heic =>
            "This is a HEIC photo, the format iPhones save by default, which this site cannot read. Please upload "
            + "it as a JPEG: share or export it as JPEG, or on the iPhone choose Settings > Camera > Formats > "
            + "Most Compatible so that new photos are saved as JPEG.",
        RefusedFormat.Avif => "This is an AVIF image, which this site cannot read. " + ExportAsJpeg,
        RefusedFormat.Tiff => "This is a TIFF image, which this site cannot read. " + ExportAsJpeg,
        RefusedFormat.Pdf => "This is a PDF document, not a photo. " + NotAPhoto,
        RefusedFormat.Svg => "This is an SVG drawing, not a photo. " + NotAPhoto,
        _ => UnsupportedMessage,
    };

    private PhotoRejected Reject(PhotoRejectionReason reason, string message)
    {
        Log.Rejected(_logger, reason);
        return new PhotoRejected(reason, message);
    }

    private string TooManyBytesMessage(long bytes) => string.Create(
        CultureInfo.InvariantCulture,
        $"The file is {Tenths(bytes, BytesPerMegabyte, roundUp: true)} MB; "
            + $"the limit is {Tenths(_limits.MaxUploadBytes, BytesPerMegabyte, roundUp: false)} MB.");

    private string TooManyPixelsMessage(long pixels) => string.Create(
        CultureInfo.InvariantCulture,
        $"The photo is {Tenths(pixels, PixelsPerMegapixel, roundUp: true)} MP; "
            + $"the limit is {Tenths(_limits.MaxPixels, PixelsPerMegapixel, roundUp: false)} MP.");

    // A value over the limit is rounded up and the limit down, so that the message never shows
    // a value equal to the limit it exceeds ("25 MB; the limit is 25 MB").
    private static string Tenths(long value, long unit, bool roundUp)
    {
        long tenths = roundUp ? ((value * 10) + unit - 1) / unit : value * 10 / unit;
        return (tenths / 10.0).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private static PhotoFormat FormatOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => PhotoFormat.Jpeg,
        SKEncodedImageFormat.Png => PhotoFormat.Png,
        SKEncodedImageFormat.Webp => PhotoFormat.Webp,
        SKEncodedImageFormat.Gif => PhotoFormat.Gif,
        _ => PhotoFormat.Unsupported,
    };

    // Decoding into sRGB converts photos with other profiles (Display P3 from phones), so the
    // stored JPEG, which carries no profile, still shows the right colours.
    private static SKImageInfo PixelInfo(SKSizeI size) =>
        new(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, s_srgb);

    private static SKSizeI Transpose(SKSizeI size) => new(size.Height, size.Width);

    private static SKSizeI FitWithin(SKSizeI size, int maxSide)
    {
        int longSide = Math.Max(size.Width, size.Height);
        if (longSide <= maxSide)
        {
            return size;
        }

        double scale = (double)maxSide / longSide;
        int width = size.Width >= size.Height ? maxSide : Math.Max(1, (int)Math.Round(size.Width * scale));
        int height = size.Height > size.Width ? maxSide : Math.Max(1, (int)Math.Round(size.Height * scale));

        return new SKSizeI(width, height);
    }

    // The JPEG codec scales by eighths inside the DCT, which is cheap and averages pixels well;
    // the smallest eighth still at least as large as the target leaves only a gentle final resize.
    // Codecs that cannot scale (PNG) report their full size for every eighth.
    private static SKSizeI ChooseCodecSize(SKCodec codec, SKSizeI target)
    {
        SKSizeI full = codec.Info.Size;
        if (target == full)
        {
            return full;
        }

        for (int eighths = 1; eighths < 8; eighths++)
        {
            SKSizeI scaled = codec.GetScaledDimensions(eighths / 8f);
            if (scaled.Width >= target.Width && scaled.Height >= target.Height)
            {
                return scaled;
            }
        }

        return full;
    }

    private static SKBitmap Render(SKBitmap source, SKEncodedOrigin origin, SKSizeI size)
    {
        SKBitmap upright = new(PixelInfo(size));
        using SKCanvas canvas = new(upright);

        // JPEG has no transparency; white is what a seller expects behind a cut-out garment.
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(OrientationMatrix(origin, source.Width, source.Height, size));

        SKSizeI stored = SwapsAxes(origin) ? Transpose(size) : size;
        float shrink = Math.Max((float)source.Width / stored.Width, (float)source.Height / stored.Height);
        canvas.DrawBitmap(source, 0, 0, Sampling(shrink), paint: null);

        return upright;
    }

    // Without a resize every pixel maps onto one pixel, and nearest sampling keeps values exact.
    // Up to a factor of two (the usual case after a codec's scaled decode) bilinear samples lie
    // less than two pixels apart, so every source pixel is read and fabric textures do not turn
    // into moiré; on a 12 MP JPEG it was about three times quicker than a cubic filter or
    // mipmaps. Beyond two (a large PNG) only mipmaps avoid skipping pixels between samples.
    private static SKSamplingOptions Sampling(float shrink) => shrink switch
    {
        <= 1f => new SKSamplingOptions(SKFilterMode.Nearest),
        <= 2f => new SKSamplingOptions(SKFilterMode.Linear),
        _ => new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
    };

    // Maps stored pixel coordinates to upright ones, scaled to the output size. Each EXIF
    // orientation names where the stored first row and first column end up when displayed.
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height, SKSizeI output)
    {
        (float xx, float xy, float tx, float yx, float yy, float ty) = origin switch
        {
            SKEncodedOrigin.TopRight => (-1f, 0f, width, 0f, 1f, 0f),
            SKEncodedOrigin.BottomRight => (-1f, 0f, width, 0f, -1f, height),
            SKEncodedOrigin.BottomLeft => (1f, 0f, 0f, 0f, -1f, height),
            SKEncodedOrigin.LeftTop => (0f, 1f, 0f, 1f, 0f, 0f),
            SKEncodedOrigin.RightTop => (0f, -1f, height, 1f, 0f, 0f),
            SKEncodedOrigin.RightBottom => (0f, -1f, height, -1f, 0f, width),
            SKEncodedOrigin.LeftBottom => (0f, 1f, 0f, -1f, 0f, width),
            _ => (1f, 0f, 0f, 0f, 1f, 0f),
        };

        SKSizeI unscaled = SwapsAxes(origin) ? new(height, width) : new(width, height);
        float sx = (float)output.Width / unscaled.Width;
        float sy = (float)output.Height / unscaled.Height;

        return new SKMatrix(xx * sx, xy * sx, tx * sx, yx * sy, yy * sy, ty * sy, 0f, 0f, 1f);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Photo rejected: {Reason}")]
        public static partial void Rejected(ILogger logger, PhotoRejectionReason reason);

        [LoggerMessage(2, LogLevel.Debug, "The {Format} codec could not decode the photo: {Result}")]
        public static partial void CodecFailed(ILogger logger, PhotoFormat format, string result);

        [LoggerMessage(3, LogLevel.Debug, "Decoding a {Width}x{Height} {Format} photo at {CodecWidth}x{CodecHeight}")]
        public static partial void Decoding(
            ILogger logger,
            int width,
            int height,
            PhotoFormat format,
            int codecWidth,
            int codecHeight);
    }
}
