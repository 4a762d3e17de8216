using System.Buffers.Binary;
using FashionListing.Inference.Imaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tests.Imaging;

/// <summary>Builds the synthetic photos and hand-written metadata the imaging tests need.</summary>
internal static class TestImages
{
    public const string RealPhoto = "00003aeb-ace5-43bf-9a0c-dc31a03e9cd2";

    public static readonly SKColor Red = new(255, 0, 0);
    public static readonly SKColor Green = new(0, 255, 0);
    public static readonly SKColor Blue = new(0, 0, 255);
    public static readonly SKColor White = new(255, 255, 255);

    private static readonly Lazy<byte[]> s_twelveMegapixelJpeg = new(() => QuadrantJpeg(4000, 3000));

    /// <summary>A 4000 x 3000 quadrant JPEG, encoded once and shared because encoding it takes a while.</summary>
    public static byte[] TwelveMegapixelJpeg => s_twelveMegapixelJpeg.Value;

    public static PhotoDecoder Decoder(PhotoLimits? limits = null) =>
        new(Options.Create(limits ?? new PhotoLimits()), NullLogger<PhotoDecoder>.Instance);

    /// <summary>Red top-left, green top-right, blue bottom-left and white bottom-right quarters.</summary>
    public static SKBitmap Quadrants(int width, int height)
    {
        SKBitmap bitmap = new(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using SKCanvas canvas = new(bitmap);
        using SKPaint paint = new();
        int halfWidth = width / 2;
        int halfHeight = height / 2;
        (SKColor Colour, SKRectI Area)[] quarters =
        [
            (Red, new SKRectI(0, 0, halfWidth, halfHeight)),
            (Green, new SKRectI(halfWidth, 0, width, halfHeight)),
            (Blue, new SKRectI(0, halfHeight, halfWidth, height)),
            (White, new SKRectI(halfWidth, halfHeight, width, height)),
        ];
        foreach ((SKColor colour, SKRectI area) in quarters)
        {
            paint.Color = colour;
            canvas.DrawRect(area, paint);
        }

        return bitmap;
    }

    public static byte[] QuadrantJpeg(int width, int height)
    {
        using SKBitmap bitmap = Quadrants(width, height);

        return Jpeg(bitmap);
    }

    public static byte[] Jpeg(SKBitmap bitmap)
    {
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = pixmap.Encode(new SKJpegEncoderOptions(100))
            ?? throw new InvalidOperationException("Skia could not encode the test bitmap.");

        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = pixmap.Encode(new SKPngEncoderOptions())
            ?? throw new InvalidOperationException("Skia could not encode the test bitmap.");

        return data.ToArray();
    }

    public static byte[] Webp(SKBitmap bitmap)
    {
        using SKPixmap pixmap = bitmap.PeekPixels();
        using SKData data = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 95))
            ?? throw new InvalidOperationException("Skia could not encode the test bitmap.");

        return data.ToArray();
    }

    /// <summary>The colours a quarter of the way in from each corner: TL, TR, BL, BR.</summary>
    public static SKColor[] Corners(SKBitmap bitmap)
    {
        int left = bitmap.Width / 4;
        int right = bitmap.Width * 3 / 4;
        int top = bitmap.Height / 4;
        int bottom = bitmap.Height * 3 / 4;

        return [bitmap.GetPixel(left, top), bitmap.GetPixel(right, top),
            bitmap.GetPixel(left, bottom), bitmap.GetPixel(right, bottom)];
    }

    public static void AssertColour(SKColor expected, SKColor actual, string where, int tolerance = 12)
    {
        int difference = Math.Max(
            Math.Abs(expected.Red - actual.Red),
            Math.Max(Math.Abs(expected.Green - actual.Green), Math.Abs(expected.Blue - actual.Blue)));
        Assert.True(
            difference <= tolerance,
            $"{where}: expected {expected}, found {actual} (differs by {difference}; tolerance {tolerance}).");
    }

    /// <summary>Puts whole segments (marker included) straight after the JPEG's SOI marker.</summary>
    public static byte[] InsertAfterStartOfImage(byte[] jpeg, params byte[][] segments)
    {
        Assert.True(jpeg[0] == 0xFF && jpeg[1] == 0xD8, "The test JPEG must start with SOI.");
        List<byte> result = [.. jpeg.AsSpan(0, 2)];
        foreach (byte[] segment in segments)
        {
            result.AddRange(segment);
        }

        result.AddRange(jpeg.AsSpan(2));

        return [.. result];
    }

    /// <summary>An APP1 segment: marker, big-endian length (which counts itself) and payload.</summary>
    public static byte[] App1(ReadOnlySpan<byte> payload)
    {
        byte[] segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment.AsSpan(4));

        return segment;
    }

    /// <summary>
    /// An EXIF payload whose IFD0 holds only the orientation tag (0x0112, SHORT, count 1), in
    /// Motorola (big-endian, "MM") or Intel (little-endian, "II") byte order.
    /// </summary>
    public static byte[] ExifOrientation(ushort orientation, bool bigEndian = true)
    {
        byte[] payload = bigEndian
            ?
            [
                (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
                (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // TIFF header, IFD0 at 8
                0x00, 0x01, // one entry
                0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00, // no next IFD
            ]
            :
            [
                (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
                (byte)'I', (byte)'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,
                0x01, 0x00,
                0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)orientation, 0x00, 0x00, 0x00,
                0x00, 0x00, 0x00, 0x00,
            ];

        return payload;
    }

    /// <summary>
    /// An EXIF payload with orientation 1 and a GPS IFD placing the camera at 48°51'24" N (Paris).
    /// </summary>
    public static byte[] ExifWithGps() =>
    [
        (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
        (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
        // IFD0 at 8: two entries, 2 + 2 * 12 + 4 = 30 bytes, so the GPS IFD starts at 38.
        0x00, 0x02,
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x26,
        0x00, 0x00, 0x00, 0x00,
        // GPS IFD at 38: GPSLatitudeRef "N" inline, GPSLatitude as three RATIONALs at 38 + 30 = 68.
        0x00, 0x02,
        0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, (byte)'N', 0x00, 0x00, 0x00,
        0x00, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x44,
        0x00, 0x00, 0x00, 0x00,
        // 48/1, 51/1, 2400/100
        0x00, 0x00, 0x00, 0x30, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x33, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x09, 0x60, 0x00, 0x00, 0x00, 0x64,
    ];

    public static readonly byte[] XmpNamespace = "http://ns.adobe.com/xap/1.0/"u8.ToArray();

    /// <summary>An XMP payload: the namespace, a NUL, and a packet with a GPS position.</summary>
    public static byte[] Xmp() =>
    [
        .. XmpNamespace,
        0,
        .. "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"u8,
        .. "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"u8,
        .. "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"48,51.4N\"/>"u8,
        .. "</rdf:RDF></x:xmpmeta>"u8,
    ];

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/> x <paramref name="height"/> RGB pixels,
    /// followed by an IDAT chunk of garbage: any attempt to decode its pixels fails.
    /// </summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB

        return
        [
            0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A,
            .. PngChunk("IHDR"u8, header),
            .. PngChunk("IDAT"u8, [0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00, 0x42, 0x99]),
            .. PngChunk("IEND"u8, []),
        ];
    }

    /// <summary>A valid 2x2 24-bit BMP (BITMAPINFOHEADER, bottom-up rows padded to 4 bytes).</summary>
    public static byte[] Bmp2x2()
    {
        byte[] file = new byte[54 + 16];
        file[0] = (byte)'B';
        file[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(2), file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(18), 2);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(34), 16);
        file.AsSpan(54).Fill(0x80);

        return file;
    }

    /// <summary>The markers of the segments before the first scan, read independently of the product code.</summary>
    public static List<byte> MarkersBeforeScan(byte[] jpeg)
    {
        List<byte> markers = [];
        int position = 2;
        while (position + 3 < jpeg.Length && jpeg[position] == 0xFF && jpeg[position + 1] != 0xDA)
        {
            markers.Add(jpeg[position + 1]);
            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }

        return markers;
    }

    /// <summary>One PNG chunk: length, type, data and the CRC-32 of type and data.</summary>
    public static byte[] PngChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        byte[] chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        type.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));

        return chunk;
    }

    // The CRC-32 of PNG chunks (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
