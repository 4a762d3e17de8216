namespace FashionListing.Inference.Imaging;

/// <summary>
/// Recognises a photo's format from its first bytes (its magic number). The file name and the
/// declared content type are never consulted, because a browser takes both from the seller's
/// file name.
/// </summary>
public static class PhotoFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs at most.</summary>
    public const int HeaderLength = 12;

    /// <summary>Tells which supported format the bytes start with.</summary>
    /// <param name="file">The start of the file; shorter input than a signature is unsupported.</param>
    /// <returns>The format, or <see cref="PhotoFormat.Unsupported"/>.</returns>
    public static PhotoFormat Sniff(ReadOnlySpan<byte> file)
    {
        // JPEG: SOI marker followed by the 0xFF that starts the next marker.
        if (file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return PhotoFormat.Jpeg;
        }

        if (file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return PhotoFormat.Png;
        }

        // WebP: a RIFF container (4-byte size in between) whose form type is WEBP.
        if (file.Length >= HeaderLength
            && file.StartsWith("RIFF"u8)
            && file.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return PhotoFormat.Webp;
        }

        return PhotoFormat.Unsupported;
    }
}
