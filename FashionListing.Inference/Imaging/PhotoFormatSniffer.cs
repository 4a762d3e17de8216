using System.Buffers.Binary;

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

    // An ftyp box lists its compatible brands after the major brand; a real one holds a handful, so brands past
    // this many bytes are not looked at (and a box claiming a huge size is not followed).
    private const int MaxFtypBytes = 64;

    // How far into a text file an SVG's root element is looked for, after an XML declaration or comments.
    private const int SvgSearchBytes = 1024;

    private static readonly string[] s_heifBrands = ["heic", "heix", "hevc", "heim", "heis", "hevm", "hevs", "mif1",
        "msf1"];

    private static readonly string[] s_avifBrands = ["avif", "avis"];

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

        if (file.StartsWith("GIF87a"u8) || file.StartsWith("GIF89a"u8))
        {
            return PhotoFormat.Gif;
        }

        return PhotoFormat.Unsupported;
    }

    /// <summary>
    /// Tells which known but refused format an unsupported file is in, so the message can say what to do.
    /// </summary>
    /// <param name="file">The start of the file (a kilobyte is enough).</param>
    /// <returns>The format, or <see cref="RefusedFormat.Unknown"/>.</returns>
    public static RefusedFormat Identify(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("II*\0"u8) || file.StartsWith("MM\0*"u8))
        {
            return RefusedFormat.Tiff;
        }

        if (file.StartsWith("%PDF-"u8))
        {
            return RefusedFormat.Pdf;
        }

        if (file.Length >= 12 && file.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return IsoBrand(file);
        }

        return LooksLikeSvg(file) ? RefusedFormat.Svg : RefusedFormat.Unknown;
    }

    // HEIF and AVIF share the ISO base media file format and its ftyp box (size, "ftyp", major brand, minor
    // version, compatible brands). AVIF files list mif1 too, so an AVIF brand anywhere wins over a HEIF one;
    // other brands (isom, mp41: a video) are neither.
    private static RefusedFormat IsoBrand(ReadOnlySpan<byte> file)
    {
        int boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(file), MaxFtypBytes);
        ReadOnlySpan<byte> box = file[..Math.Min(Math.Max(boxSize, 12), file.Length)];
        List<string> brands = [System.Text.Encoding.ASCII.GetString(box.Slice(8, 4))];
        for (int offset = 16; offset + 4 <= box.Length; offset += 4)
        {
            brands.Add(System.Text.Encoding.ASCII.GetString(box.Slice(offset, 4)));
        }

        if (brands.Exists(b => s_avifBrands.Contains(b, StringComparer.Ordinal)))
        {
            return RefusedFormat.Avif;
        }

        return brands.Exists(b => s_heifBrands.Contains(b, StringComparer.Ordinal))
            ? RefusedFormat.Heic
            : RefusedFormat.Unknown;
    }

    // An SVG is text whose root element is <svg>, possibly after a byte-order mark, an XML declaration, a
    // doctype or comments; finding "<svg" near the start of something that starts like markup is enough here.
    private static bool LooksLikeSvg(ReadOnlySpan<byte> file)
    {
        ReadOnlySpan<byte> text = file.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? file[3..] : file;
        text = text.TrimStart(" \t\r\n"u8);
        if (!text.StartsWith("<"u8))
        {
            return false;
        }

        ReadOnlySpan<byte> start = text[..Math.Min(text.Length, SvgSearchBytes)];

        return start.IndexOf("<svg"u8) >= 0 || start.IndexOf("<SVG"u8) >= 0;
    }
}
