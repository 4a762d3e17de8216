using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

/// <summary>
/// Files that SkiaSharp cannot write, built byte by byte from their specifications: PNGs of every colour type,
/// animated GIF and WebP, CMYK JPEGs, and the headers of formats the product refuses.
/// </summary>
internal static class HandBuiltImages
{
    /// <summary>PNG colour types (PNG specification, IHDR).</summary>
    public enum PngColour : byte
    {
        Grey = 0,
        Rgb = 2,
        Palette = 3,
        GreyAlpha = 4,
        Rgba = 6,
    }

    /// <summary>
    /// A PNG of the bitmap's pixels in the colour type and bit depth given. For a palette PNG the palette is
    /// the bitmap's distinct colours in order of first appearance (at most 256). Grey types take the red channel.
    /// </summary>
    public static byte[] Png(SKBitmap bitmap, PngColour colour, int bitDepth = 8)
    {
        Assert.True(bitDepth is 8 or 16, $"Only 8- and 16-bit samples are written, not {bitDepth}-bit.");
        List<SKColor> palette = [];
        int bytesPerSample = bitDepth / 8;
        using MemoryStream raw = new();
        for (int y = 0; y < bitmap.Height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                if (colour == PngColour.Palette)
                {
                    int index = palette.IndexOf(pixel);
                    if (index < 0)
                    {
                        index = palette.Count;
                        palette.Add(pixel);
                    }

                    raw.WriteByte((byte)index);
                    continue;
                }

                byte[] samples = colour switch
                {
                    PngColour.Grey => [pixel.Red],
                    PngColour.GreyAlpha => [pixel.Red, pixel.Alpha],
                    PngColour.Rgb => [pixel.Red, pixel.Green, pixel.Blue],
                    _ => [pixel.Red, pixel.Green, pixel.Blue, pixel.Alpha],
                };
                foreach (byte sample in samples)
                {
                    // A 16-bit sample repeats the byte, so 0xAB becomes 0xABAB: the same value at full scale.
                    for (int b = 0; b < bytesPerSample; b++)
                    {
                        raw.WriteByte(sample);
                    }
                }
            }
        }

        Assert.True(palette.Count <= 256, $"A palette PNG holds at most 256 colours; the bitmap has {palette.Count}.");
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, bitmap.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), bitmap.Height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colour;
        List<byte> file = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        file.AddRange(TestImages.PngChunk("IHDR"u8, header));
        if (colour == PngColour.Palette)
        {
            byte[] entries = [.. palette.SelectMany(c => new[] { c.Red, c.Green, c.Blue })];
            file.AddRange(TestImages.PngChunk("PLTE"u8, entries));
            if (palette.Exists(c => c.Alpha != 255))
            {
                file.AddRange(TestImages.PngChunk("tRNS"u8, [.. palette.Select(c => c.Alpha)]));
            }
        }

        file.AddRange(TestImages.PngChunk("IDAT"u8, Zlib(raw.ToArray())));
        file.AddRange(TestImages.PngChunk("IEND"u8, []));

        return [.. file];
    }

    /// <summary>
    /// An animated GIF89a of the frames (each the full logical screen), looping forever, 0.1 s a frame. The
    /// frames share one global colour table of their distinct colours.
    /// </summary>
    public static byte[] AnimatedGif(params SKBitmap[] frames)
    {
        int width = frames[0].Width;
        int height = frames[0].Height;
        List<SKColor> palette = [.. frames.SelectMany(Pixels).Distinct()];
        Assert.True(palette.Count <= 256, $"A GIF holds at most 256 colours; the frames have {palette.Count}.");

        List<byte> file = [.. "GIF89a"u8];
        AddLittleEndian16(file, width);
        AddLittleEndian16(file, height);
        file.AddRange([0xF7, 0, 0]); // a global table of 256 colours, background 0, square pixels
        for (int i = 0; i < 256; i++)
        {
            SKColor c = i < palette.Count ? palette[i] : SKColors.Black;
            file.AddRange([c.Red, c.Green, c.Blue]);
        }

        file.AddRange([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);
        foreach (SKBitmap frame in frames)
        {
            // Graphic control: dispose by leaving the frame in place, 10 hundredths of a second, no transparency.
            file.AddRange([0x21, 0xF9, 0x04, 0x04, 10, 0, 0, 0]);
            file.Add(0x2C);
            AddLittleEndian16(file, 0);
            AddLittleEndian16(file, 0);
            AddLittleEndian16(file, width);
            AddLittleEndian16(file, height);
            file.Add(0); // no local colour table, not interlaced
            file.Add(8); // LZW minimum code size
            byte[] lzw = UncompressedLzw([.. Pixels(frame).Select(p => (byte)palette.IndexOf(p))]);
            for (int offset = 0; offset < lzw.Length; offset += 255)
            {
                int length = Math.Min(255, lzw.Length - offset);
                file.Add((byte)length);
                file.AddRange(lzw.AsSpan(offset, length));
            }

            file.Add(0);
        }

        file.Add(0x3B);

        return [.. file];
    }

    /// <summary>
    /// An animated WebP (VP8X, ANIM, one ANMF per frame) whose frames are the lossy bitstreams SkiaSharp writes
    /// for each bitmap; every frame covers the whole canvas and replaces the one before.
    /// </summary>
    public static byte[] AnimatedWebp(params SKBitmap[] frames)
    {
        int width = frames[0].Width;
        int height = frames[0].Height;
        List<byte> chunks = [];
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x02; // animation
        WriteLittleEndian24(vp8x.AsSpan(4), width - 1);
        WriteLittleEndian24(vp8x.AsSpan(7), height - 1);
        chunks.AddRange(RiffChunk("VP8X"u8, vp8x));
        chunks.AddRange(RiffChunk("ANIM"u8, [255, 255, 255, 255, 0, 0])); // white background, loop forever
        foreach (SKBitmap frame in frames)
        {
            byte[] single = TestImages.Webp(frame);
            Assert.True(single.AsSpan(12, 4).SequenceEqual("VP8 "u8), "Expected a simple lossy WebP from Skia.");
            byte[] header = new byte[16];
            WriteLittleEndian24(header.AsSpan(6), width - 1);
            WriteLittleEndian24(header.AsSpan(9), height - 1);
            WriteLittleEndian24(header.AsSpan(12), 100); // milliseconds
            header[15] = 0x02; // do not blend, do not dispose
            chunks.AddRange(RiffChunk("ANMF"u8, [.. header, .. single.AsSpan(12)]));
        }

        List<byte> file = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. chunks];
        BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(file)[4..],
            file.Count - 8);

        return [.. file];
    }

    /// <summary>
    /// A baseline JPEG with four components (cyan, magenta, yellow, black), made of flat 8x8 blocks: each block
    /// takes the colour of its top-left pixel, so shapes aligned to 8 pixels come out exact. With
    /// <paramref name="adobeInverted"/> it carries an Adobe APP14 segment and stores 255 minus the ink, as
    /// Photoshop does; without it stores the ink as it is and has no APP14.
    /// </summary>
    public static byte[] CmykJpeg(SKBitmap bitmap, bool adobeInverted)
    {
        return FlatBlockJpeg(bitmap.Width, bitmap.Height, 4, adobeInverted, (x, y, component) =>
        {
            byte ink = Cmyk(bitmap.GetPixel(x, y))[component];
            return adobeInverted ? (byte)(255 - ink) : ink;
        });
    }

    /// <summary>
    /// A JPEG whose frame header claims <paramref name="width"/> x <paramref name="height"/> pixels, followed
    /// by a few bytes of scan data: decoding its pixels could only fail.
    /// </summary>
    public static byte[] JpegHeaderOnly(int width, int height)
    {
        byte[] small = FlatBlockJpeg(8, 8, 1, adobe: false, (_, _, _) => 128);
        int frame = small.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        BinaryPrimitives.WriteUInt16BigEndian(small.AsSpan(frame + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(small.AsSpan(frame + 7), (ushort)width);

        return small;
    }

    /// <summary>The start of an ISO-BMFF file (HEIF, AVIF): an ftyp box with a major and compatible brands.</summary>
    public static byte[] Ftyp(string majorBrand, params string[] compatibleBrands)
    {
        List<byte> box = [0, 0, 0, 0, .. "ftyp"u8, .. Ascii(majorBrand), 0, 0, 0, 0];
        foreach (string brand in compatibleBrands)
        {
            box.AddRange(Ascii(brand));
        }

        BinaryPrimitives.WriteInt32BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(box), box.Count);

        // A meta box's start follows, as in a real file, so the box size is not the whole file.
        return [.. box, 0, 0, 0, 0x21, .. "meta"u8, 0, 0, 0, 0];
    }

    /// <summary>A little- ("II") or big-endian ("MM") TIFF: its header and one empty directory.</summary>
    public static byte[] Tiff(bool bigEndian) => bigEndian
        ? [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]
        : [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>An SVG drawing with a script in it, as an attacker would upload one.</summary>
    public static byte[] SvgWithScript() =>
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <script>alert('svg-script-ran')</script>
          <rect width="100" height="100" fill="navy"/>
        </svg>
        """u8.ToArray();

    /// <summary>The first bytes of a PDF document.</summary>
    public static byte[] Pdf() =>
        "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8.ToArray();

    // Naive conversion without a colour profile: black is what all three channels lack, each ink the rest.
    private static byte[] Cmyk(SKColor c)
    {
        int max = Math.Max(c.Red, Math.Max(c.Green, c.Blue));
        int k = 255 - max;
        if (max == 0)
        {
            return [0, 0, 0, 255];
        }

        return [(byte)((max - c.Red) * 255 / max), (byte)((max - c.Green) * 255 / max),
            (byte)((max - c.Blue) * 255 / max), (byte)k];
    }

    // Every block is flat, so only its DC coefficient is non-zero. With a DC quantiser of 8 the coded value is
    // the sample minus 128 exactly, and the decoder's inverse DCT gives the sample back without rounding.
    private static byte[] FlatBlockJpeg(
        int width,
        int height,
        int components,
        bool adobe,
        Func<int, int, int, byte> sample)
    {
        List<byte> file = [0xFF, 0xD8];
        if (adobe)
        {
            // "Adobe", version 100, no flags, transform 0: the components are stored as they are (CMYK, not YCCK).
            file.AddRange([0xFF, 0xEE, 0x00, 0x0E, .. "Adobe"u8, 0x00, 0x64, 0, 0, 0, 0, 0]);
        }

        file.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)8, 64)]);
        file.AddRange([0xFF, 0xC0]);
        AddBigEndian16(file, 8 + (3 * components));
        file.Add(8);
        AddBigEndian16(file, height);
        AddBigEndian16(file, width);
        file.Add((byte)components);
        for (int c = 1; c <= components; c++)
        {
            file.AddRange([(byte)c, 0x11, 0x00]);
        }

        // DC table: twelve 4-bit codes, code n for size category n. AC table: a single 1-bit code for end-of-block.
        file.AddRange([0xFF, 0xC4, 0x00, 0x1F, 0x00, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        file.AddRange(Enumerable.Range(0, 12).Select(i => (byte)i));
        file.AddRange([0xFF, 0xC4, 0x00, 0x14, 0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);
        file.AddRange([0xFF, 0xDA]);
        AddBigEndian16(file, 6 + (2 * components));
        file.Add((byte)components);
        for (int c = 1; c <= components; c++)
        {
            file.AddRange([(byte)c, 0x00]);
        }

        file.AddRange([0, 63, 0]);

        BitWriter bits = new(file);
        int[] previous = new int[components];
        for (int by = 0; by < (height + 7) / 8; by++)
        {
            for (int bx = 0; bx < (width + 7) / 8; bx++)
            {
                for (int c = 0; c < components; c++)
                {
                    int value = sample(Math.Min(bx * 8, width - 1), Math.Min(by * 8, height - 1), c) - 128;
                    int difference = value - previous[c];
                    previous[c] = value;
                    int size = difference == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(difference));
                    bits.Write(size, 4);
                    if (size > 0)
                    {
                        bits.Write(difference > 0 ? difference : difference + (1 << size) - 1, size);
                    }

                    bits.Write(0, 1); // end of block
                }
            }
        }

        bits.Flush();
        file.AddRange([0xFF, 0xD9]);

        return [.. file];
    }

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap)
    {
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                yield return bitmap.GetPixel(x, y);
            }
        }
    }

    // LZW without compression: 9-bit literal codes only, with a clear code often enough that the decoder's
    // table never grows past 9-bit codes. Every GIF decoder reads this; it is just larger than it need be.
    private static byte[] UncompressedLzw(byte[] indices)
    {
        const int Clear = 256;
        const int End = 257;
        List<byte> output = [];
        int buffer = 0;
        int count = 0;
        void Emit(int code)
        {
            buffer |= code << count;
            count += 9;
            while (count >= 8)
            {
                output.Add((byte)buffer);
                buffer >>= 8;
                count -= 8;
            }
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (i % 250 == 0)
            {
                Emit(Clear);
            }

            Emit(indices[i]);
        }

        Emit(End);
        if (count > 0)
        {
            output.Add((byte)buffer);
        }

        return [.. output];
    }

    private static byte[] Zlib(byte[] data)
    {
        using MemoryStream compressed = new();
        using (ZLibStream zlib = new(compressed, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    private static byte[] RiffChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        byte[] chunk = new byte[8 + data.Length + (data.Length % 2)];
        type.CopyTo(chunk);
        BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), data.Length);
        data.CopyTo(chunk.AsSpan(8));

        return chunk;
    }

    private static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    private static void AddLittleEndian16(List<byte> bytes, int value) =>
        bytes.AddRange([(byte)value, (byte)(value >> 8)]);

    private static void AddBigEndian16(List<byte> bytes, int value) =>
        bytes.AddRange([(byte)(value >> 8), (byte)value]);

    private static void WriteLittleEndian24(Span<byte> span, int value)
    {
        span[0] = (byte)value;
        span[1] = (byte)(value >> 8);
        span[2] = (byte)(value >> 16);
    }

    /// <summary>Writes JPEG entropy-coded bits, most significant first, stuffing a zero after every 0xFF.</summary>
    private sealed class BitWriter(List<byte> output)
    {
        private int _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            for (int bit = length - 1; bit >= 0; bit--)
            {
                _buffer = (_buffer << 1) | ((value >> bit) & 1);
                _count++;
                if (_count == 8)
                {
                    Put();
                }
            }
        }

        // The last byte is padded with one bits, as the JPEG standard asks.
        public void Flush()
        {
            while (_count != 0)
            {
                Write(1, 1);
            }
        }

        private void Put()
        {
            output.Add((byte)_buffer);
            if (_buffer == 0xFF)
            {
                output.Add(0);
            }

            _buffer = 0;
            _count = 0;
        }
    }
}
