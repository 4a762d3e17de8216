namespace FashionListing.Inference.Imaging;

/// <summary>Reads and removes metadata segments of a JPEG without touching its image data.</summary>
internal static class JpegMetadata
{
    private const byte MarkerPrefix = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Comment = 0xFE;
    private const byte FirstApp = 0xE0;
    private const byte LastApp = 0xEF;
    private const byte AdobeApp = 0xEE;

    /// <summary>
    /// Copies <paramref name="jpeg"/> without its APP1 to APP15 segments (EXIF, GPS, XMP, ICC,
    /// Photoshop and others) and comments; APP0 (JFIF) and everything from the first scan on are kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bytes are not a well-formed JPEG.</exception>
    public static byte[] Strip(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != MarkerPrefix || jpeg[1] != StartOfImage)
        {
            throw new InvalidOperationException("The encoder's output does not start with a JPEG SOI marker.");
        }

        using MemoryStream output = new(jpeg.Length);
        output.Write(jpeg[..2]);
        int position = 2;
        while (position + 1 < jpeg.Length)
        {
            if (jpeg[position] != MarkerPrefix)
            {
                throw new InvalidOperationException(
                    $"Expected a JPEG marker at byte {position} of {jpeg.Length}; found 0x{jpeg[position]:X2}.");
            }

            byte marker = jpeg[position + 1];
            if (marker == MarkerPrefix)
            {
                // A fill byte before the real marker.
                position++;
                continue;
            }

            if (marker is StartOfScan or EndOfImage)
            {
                output.Write(jpeg[position..]);
                return output.ToArray();
            }

            int segmentEnd = position + 2 + Length(jpeg, position);
            if (segmentEnd > jpeg.Length)
            {
                throw new InvalidOperationException(
                    $"The JPEG segment at byte {position} ends at byte {segmentEnd}, "
                        + $"past the file's {jpeg.Length} bytes.");
            }

            bool metadata = marker is > FirstApp and <= LastApp or Comment;
            if (!metadata)
            {
                output.Write(jpeg[position..segmentEnd]);
            }

            position = segmentEnd;
        }

        throw new InvalidOperationException("The JPEG ends before its first scan.");
    }

    /// <summary>
    /// Whether the JPEG's frame has four components (CMYK) and no Adobe APP14 segment says how they are stored.
    /// Malformed segments answer <see langword="false"/>, leaving the verdict to the codec.
    /// </summary>
    public static bool IsCmykWithoutAdobeMarker(ReadOnlySpan<byte> jpeg)
    {
        bool adobe = false;
        int components = 0;
        int position = 2;
        while (position + 3 < jpeg.Length && jpeg[position] == MarkerPrefix)
        {
            byte marker = jpeg[position + 1];
            if (marker == MarkerPrefix)
            {
                position++;
                continue;
            }

            if (marker is StartOfScan or EndOfImage)
            {
                break;
            }

            int length = Length(jpeg, position);
            if (length < 2 || position + 2 + length > jpeg.Length)
            {
                return false;
            }

            ReadOnlySpan<byte> payload = jpeg.Slice(position + 4, length - 2);
            if (marker == AdobeApp && payload.StartsWith("Adobe"u8))
            {
                adobe = true;
            }

            // Start-of-frame markers are C0 to CF except DHT (C4), JPG (C8) and DAC (CC); the component count
            // follows the precision, height and width.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && payload.Length > 5)
            {
                components = payload[5];
            }

            position += 2 + length;
        }

        return components == 4 && !adobe;
    }

    private static int Length(ReadOnlySpan<byte> jpeg, int markerPosition)
    {
        if (markerPosition + 3 >= jpeg.Length)
        {
            throw new InvalidOperationException($"The JPEG segment at byte {markerPosition} has no length.");
        }

        return (jpeg[markerPosition + 2] << 8) | jpeg[markerPosition + 3];
    }
}
