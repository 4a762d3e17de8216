using SkiaSharp;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>
/// Fills COCO polygons (flat lists x1, y1, x2, y2, ... in continuous pixel coordinates) into a row-major 0/1
/// mask with SkiaSharp, without anti-aliasing, so a pixel is set when its centre lies inside.
/// </summary>
/// <remarks>
/// Each polygon is filled on its own with the even-odd rule and the results are joined (a pixel inside any
/// polygon is set). Joining keeps two polygons of one object from cancelling where they overlap, whatever their
/// winding; even-odd inside one polygon gives a self-crossing outline the same holes as COCO's own rasteriser.
/// </remarks>
public static class PolygonRasterizer
{
    /// <summary>Fills the polygons into a <paramref name="width"/> x <paramref name="height"/> mask.</summary>
    /// <exception cref="ArgumentException">A polygon has an odd number of coordinates or fewer than three
    /// points.</exception>
    public static byte[] Fill(IReadOnlyList<IReadOnlyList<double>> polygons, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        SKImageInfo info = new(width, height, SKColorType.Alpha8, SKAlphaType.Premul);
        using SKBitmap bitmap = new(info);
        using (SKCanvas canvas = new(bitmap))
        using (SKPaint paint = new() { Color = SKColors.White, IsAntialias = false, Style = SKPaintStyle.Fill })
        {
            canvas.Clear(SKColors.Transparent);
            for (int p = 0; p < polygons.Count; p++)
            {
                using SKPath path = ToPath(polygons[p], p);
                canvas.DrawPath(path, paint);
            }
        }

        ReadOnlySpan<byte> alpha = bitmap.GetPixelSpan();
        int rowBytes = bitmap.RowBytes;
        byte[] mask = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                mask[(y * width) + x] = alpha[(y * rowBytes) + x] >= 128 ? (byte)1 : (byte)0;
            }
        }

        return mask;
    }

    /// <summary>The area of the polygons by the shoelace formula, each polygon counted on its own (as COCO's
    /// <c>area</c> is for polygons that do not overlap).</summary>
    public static double Area(IReadOnlyList<IReadOnlyList<double>> polygons)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        double total = 0;
        foreach (IReadOnlyList<double> polygon in polygons)
        {
            double twice = 0;
            int points = polygon.Count / 2;
            for (int i = 0; i < points; i++)
            {
                int j = (i + 1) % points;
                twice += (polygon[2 * i] * polygon[(2 * j) + 1]) - (polygon[2 * j] * polygon[(2 * i) + 1]);
            }

            total += Math.Abs(twice) / 2;
        }

        return total;
    }

    private static SKPath ToPath(IReadOnlyList<double> polygon, int index)
    {
        if (polygon.Count % 2 != 0 || polygon.Count < 6)
        {
            throw new ArgumentException(
                $"Polygon {index} has {polygon.Count} coordinates; a polygon needs an even number, at least 6 "
                + "(three points).", nameof(polygon));
        }

        using SKPathBuilder builder = new() { FillType = SKPathFillType.EvenOdd };
        builder.MoveTo((float)polygon[0], (float)polygon[1]);
        for (int i = 2; i < polygon.Count; i += 2)
        {
            builder.LineTo((float)polygon[i], (float)polygon[i + 1]);
        }

        builder.Close();

        return builder.Detach();
    }
}
