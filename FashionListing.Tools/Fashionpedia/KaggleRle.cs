using System.Globalization;
using System.Text;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>
/// The run-length encoding of Kaggle's iMaterialist train.csv: pairs "start length", starts 1-indexed, pixels
/// numbered top to bottom and then left to right (column-major), in the photo's own height and width.
/// </summary>
/// <remarks>
/// Masks in memory are row-major (<c>y * width + x</c>), one byte per pixel, 0 or 1. Decoding accepts runs that
/// touch (a run starting just where the previous one ended); encoding never writes them, so
/// <c>Encode(Decode(s))</c> equals <c>s</c> for every string <see cref="Encode"/> can produce, and
/// <c>Decode(Encode(m))</c> equals <c>m</c> for every 0/1 mask.
/// </remarks>
public static class KaggleRle
{
    /// <summary>Decodes an encoded mask into a row-major 0/1 mask of <paramref name="height"/> x
    /// <paramref name="width"/>.</summary>
    /// <exception cref="FormatException">The string is not a valid encoding for a photo of that size.</exception>
    public static byte[] Decode(string encoded, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        CheckSize(height, width);
        byte[] mask = new byte[height * width];

        ForEachRun(encoded, height, width, (start, length) =>
        {
            int x = (int)(start / height);
            int y = (int)(start % height);
            for (long left = length; left > 0; left--)
            {
                mask[(y * width) + x] = 1;
                if (++y == height)
                {
                    y = 0;
                    x++;
                }
            }
        });

        return mask;
    }

    /// <summary>Checks an encoding without building the mask; throws what <see cref="Decode"/> would.</summary>
    /// <returns>The number of pixels the encoding sets.</returns>
    /// <exception cref="FormatException">The string is not a valid encoding for a photo of that size.</exception>
    public static long Validate(string encoded, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        CheckSize(height, width);
        long area = 0;

        ForEachRun(encoded, height, width, (_, length) => area += length);

        return area;
    }

    /// <summary>Encodes a row-major mask (any non-zero byte is foreground) of <paramref name="height"/> x
    /// <paramref name="width"/>; an empty mask encodes as the empty string.</summary>
    /// <exception cref="ArgumentException">The mask's length is not height x width.</exception>
    public static string Encode(ReadOnlySpan<byte> rowMajor, int height, int width)
    {
        CheckSize(height, width);
        if (rowMajor.Length != (long)height * width)
        {
            throw new ArgumentException(
                $"The mask has {rowMajor.Length} pixels; a {height} x {width} photo has {(long)height * width}.",
                nameof(rowMajor));
        }

        StringBuilder text = new();
        long runStart = -1;
        long p = 0;
        for (int x = 0; x < width; x++)
        {
            for (int i = x; i < rowMajor.Length; i += width, p++)
            {
                bool set = rowMajor[i] != 0;
                if (set && runStart < 0)
                {
                    runStart = p;
                }
                else if (!set && runStart >= 0)
                {
                    AppendRun(text, runStart, p);
                    runStart = -1;
                }
            }
        }

        if (runStart >= 0)
        {
            AppendRun(text, runStart, p);
        }

        return text.ToString();
    }

    private static void AppendRun(StringBuilder text, long start, long end)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(CultureInfo.InvariantCulture, $"{start + 1} {end - start}");
    }

    // Calls the action with each run as (0-based column-major start, length) after checking it.
    private static void ForEachRun(string encoded, int height, int width, Action<long, long> run)
    {
        long total = (long)height * width;
        long previousEnd = 0;
        int valueCount = 0;
        long start = 0;
        int position = 0;
        while (NextToken(encoded, ref position, out ReadOnlySpan<char> token))
        {
            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                throw new FormatException(
                    $"Value {valueCount + 1} of the encoding, \"{Shorten(token)}\", is not a whole number "
                    + $"from 1 to {total}.");
            }

            valueCount++;
            if (valueCount % 2 == 1)
            {
                start = value;
                if (start < 1 || start > total)
                {
                    throw new FormatException(
                        $"Run {(valueCount + 1) / 2} starts at pixel {start}; a {height} x {width} photo has pixels "
                        + $"1 to {total}.");
                }

                if (start - 1 < previousEnd)
                {
                    throw new FormatException(
                        $"Run {(valueCount + 1) / 2} starts at pixel {start}, before the previous run ends at pixel "
                        + $"{previousEnd}; runs must be sorted and must not overlap.");
                }

                continue;
            }

            long length = value;
            if (length < 1)
            {
                throw new FormatException(
                    $"Run {valueCount / 2} has length {length}; a run is at least 1 pixel long.");
            }

            if (length > total - (start - 1))
            {
                throw new FormatException(
                    $"Run {valueCount / 2} covers pixels {start} to {start + length - 1}; a {height} x {width} "
                    + $"photo has pixels 1 to {total}.");
            }

            run(start - 1, length);
            previousEnd = start - 1 + length;
        }

        if (valueCount % 2 == 1)
        {
            throw new FormatException(
                $"The encoding has {valueCount} values; it must have an even number (pairs of start and length).");
        }
    }

    private static bool NextToken(string text, ref int position, out ReadOnlySpan<char> token)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        int begin = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        token = text.AsSpan(begin, position - begin);

        return token.Length > 0;
    }

    private static string Shorten(ReadOnlySpan<char> token) =>
        token.Length <= 20 ? token.ToString() : string.Concat(token[..20], "...");

    private static void CheckSize(int height, int width)
    {
        if (height < 1 || width < 1)
        {
            throw new ArgumentOutOfRangeException(
                height < 1 ? nameof(height) : nameof(width),
                $"The photo is {height} x {width}; both height and width must be at least 1.");
        }

        if ((long)height * width > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(height),
                $"The photo is {height} x {width} = {(long)height * width} pixels; the limit is {int.MaxValue}.");
        }
    }
}
