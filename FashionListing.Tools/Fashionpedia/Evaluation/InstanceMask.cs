namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>
/// One instance's binary mask, kept as its bounding box and the pixels inside it, so that the overlap of
/// two instances costs the area where their boxes meet rather than a pass over the whole photo.
/// </summary>
public sealed class InstanceMask
{
    private readonly byte[] _pixels;

    private InstanceMask(int width, int height, int left, int top, int right, int bottom, byte[] pixels, long area)
    {
        Width = width;
        Height = height;
        Left = left;
        Top = top;
        Right = right;
        Bottom = bottom;
        _pixels = pixels;
        Area = area;
    }

    /// <summary>The photo's width.</summary>
    public int Width { get; }

    /// <summary>The photo's height.</summary>
    public int Height { get; }

    /// <summary>First column of the box.</summary>
    public int Left { get; }

    /// <summary>First row of the box.</summary>
    public int Top { get; }

    /// <summary>Column after the box (exclusive).</summary>
    public int Right { get; }

    /// <summary>Row after the box (exclusive).</summary>
    public int Bottom { get; }

    /// <summary>Pixels of the instance.</summary>
    public long Area { get; }

    /// <summary>Builds the mask from a full row-major mask (<c>y * width + x</c>, non-zero = instance).</summary>
    public static InstanceMask FromRowMajor(ReadOnlySpan<byte> pixels, int width, int height)
    {
        if (width <= 0 || height <= 0 || pixels.Length != (long)width * height)
        {
            throw new ArgumentException(
                $"The mask has {pixels.Length} pixels; a {width}x{height} photo needs {(long)width * height}.",
                nameof(pixels));
        }

        int left = width;
        int top = height;
        int right = 0;
        int bottom = 0;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = pixels.Slice(y * width, width);
            int first = row.IndexOfAnyExcept((byte)0);
            if (first < 0)
            {
                continue;
            }

            left = Math.Min(left, first);
            right = Math.Max(right, row.LastIndexOfAnyExcept((byte)0) + 1);
            top = Math.Min(top, y);
            bottom = y + 1;
        }

        if (right == 0)
        {
            return new InstanceMask(width, height, 0, 0, 0, 0, [], 0);
        }

        int boxWidth = right - left;
        byte[] box = new byte[boxWidth * (bottom - top)];
        long area = 0;
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < right; x++)
            {
                byte on = pixels[(y * width) + x] != 0 ? (byte)1 : (byte)0;
                box[((y - top) * boxWidth) + (x - left)] = on;
                area += on;
            }
        }

        return new InstanceMask(width, height, left, top, right, bottom, box, area);
    }

    /// <summary>Pixels inside both masks.</summary>
    public long Intersection(InstanceMask other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Width != Width || other.Height != Height)
        {
            throw new ArgumentException(
                $"The masks are {Width}x{Height} and {other.Width}x{other.Height}; they must be the same size.",
                nameof(other));
        }

        int left = Math.Max(Left, other.Left);
        int right = Math.Min(Right, other.Right);
        int top = Math.Max(Top, other.Top);
        int bottom = Math.Min(Bottom, other.Bottom);
        long count = 0;
        for (int y = top; y < bottom; y++)
        {
            int mine = ((y - Top) * (Right - Left)) - Left;
            int theirs = ((y - other.Top) * (other.Right - other.Left)) - other.Left;
            for (int x = left; x < right; x++)
            {
                count += _pixels[mine + x] & other._pixels[theirs + x];
            }
        }

        return count;
    }

    /// <summary>
    /// Intersection over union. Unlike the whole-photo garment masks of <c>MaskMetrics.IoU</c>, two empty
    /// instances score 0: an instance that covers nothing is never a detection.
    /// </summary>
    public double IoU(InstanceMask other)
    {
        long intersection = Intersection(other);
        long union = Area + other.Area - intersection;

        return union == 0 ? 0 : (double)intersection / union;
    }
}
