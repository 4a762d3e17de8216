using SkiaSharp;

namespace FashionListing.Tools.Segmentation;

/// <summary>Reading and writing binary masks as PNG files (white = garment).</summary>
internal static class MaskFiles
{
    /// <summary>Reads a mask; pixels brighter than mid-grey are garment.</summary>
    public static (byte[] Mask, int Width, int Height) Read(string path)
    {
        using SKBitmap decoded = SKBitmap.Decode(path)
            ?? throw new InvalidDataException($"{path} is not an image SkiaSharp can decode.");
        using SKBitmap rgba = decoded.Copy(SKColorType.Rgba8888);
        ReadOnlySpan<byte> pixels = rgba.GetPixelSpan();
        byte[] mask = new byte[rgba.Width * rgba.Height];
        for (int y = 0; y < rgba.Height; y++)
        {
            for (int x = 0; x < rgba.Width; x++)
            {
                mask[(y * rgba.Width) + x] = pixels[(y * rgba.RowBytes) + (x * 4)] > 127 ? (byte)1 : (byte)0;
            }
        }

        return (mask, rgba.Width, rgba.Height);
    }

    /// <summary>Reads a mask and resizes it (nearest neighbour) to the given size.</summary>
    public static byte[] ReadAt(string path, int width, int height)
    {
        (byte[] mask, int w, int h) = Read(path);

        return w == width && h == height ? mask : Nearest(mask, w, h, width, height);
    }

    public static byte[] Nearest(byte[] mask, int w, int h, int width, int height)
    {
        byte[] result = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            int sy = Math.Min(h - 1, (int)((y + 0.5) * h / height));
            for (int x = 0; x < width; x++)
            {
                int sx = Math.Min(w - 1, (int)((x + 0.5) * w / width));
                result[(y * width) + x] = mask[(sy * w) + sx];
            }
        }

        return result;
    }

    public static void Write(string path, byte[] mask, int width, int height)
    {
        using SKBitmap bitmap = new(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        Span<byte> pixels = bitmap.GetPixelSpan();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                pixels[(y * bitmap.RowBytes) + x] = mask[(y * width) + x] != 0 ? (byte)255 : (byte)0;
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        data.SaveTo(file);
    }
}
