using System.Numerics;
using SkiaSharp;

namespace FashionListing.Inference.Instances;

/// <summary>
/// The low-resolution mask grid of one model run: analyses a candidate's mask logits on the grid (which cells
/// pass the threshold, for suppression) and resizes the survivors' logits to the photo.
/// </summary>
/// <remarks>
/// A photo pixel's centre is mapped to input coordinates through the <see cref="InputFit"/>, then to grid
/// coordinates by the ratio of grid size to input size, and sampled bilinearly between the four nearest cell
/// centres. Only cells whose centre lies inside the photo's content rectangle are sampled (a coordinate beyond
/// them is clamped, as at an image edge), so letterbox padding never leaks into a mask, and only those cells
/// count in the overlap between masks.
/// </remarks>
internal sealed class MaskGrid
{
    private readonly InputFit _fit;
    private readonly int _width;
    private readonly int _height;
    private readonly Axis _columns;
    private readonly Axis _rows;
    private PixelTable? _photoColumns;
    private PixelTable? _photoRows;
    private float[] _rowA = [];
    private float[] _rowB = [];

    public MaskGrid(InputFit fit, int width, int height, float maskProbability)
    {
        ArgumentNullException.ThrowIfNull(fit);
        _fit = fit;
        _width = width;
        _height = height;
        Threshold = (float)Math.Log(maskProbability / (1.0 - maskProbability));
        SKRectI content = fit.ContentRect;
        _columns = new Axis(width, (double)width / fit.InputWidth, content.Left, content.Right);
        _rows = new Axis(height, (double)height / fit.InputHeight, content.Top, content.Bottom);
        WordCount = ((width * height) + 63) / 64;
    }

    /// <summary>The mask logit a pixel needs to be in the mask: the logit of the mask probability.</summary>
    public float Threshold { get; }

    public int Width => _width;

    public int Height => _height;

    public int CellCount => _width * _height;

    private int WordCount { get; }

    /// <summary>
    /// Finds the cells of a candidate's logits (at <paramref name="offset"/> in <paramref name="logits"/>) that
    /// pass the threshold; null when no content cell does, since then no photo pixel can.
    /// </summary>
    /// <param name="logits">The grid values, row-major.</param>
    /// <param name="offset">Where the candidate's grid starts.</param>
    /// <param name="box">A dense candidate's box in input pixels (left, top, right, bottom), or null.</param>
    public CandidateMask? Analyse(float[] logits, int offset, InputBox? box)
    {
        (int left, int top, int right, int bottom) = Region(box);
        (int boxLeft, int boxRight) = box is { } b ? _columns.CentresWithin(b.Left, b.Right) : (0, _width - 1);
        (int boxTop, int boxBottom) = box is { } c ? _rows.CentresWithin(c.Top, c.Bottom) : (0, _height - 1);
        ulong[] bits = new ulong[WordCount];
        int area = 0;
        int supportLeft = int.MaxValue;
        int supportRight = -1;
        int supportTop = int.MaxValue;
        int supportBottom = -1;
        float threshold = Threshold;
        for (int y = top; y <= bottom; y++)
        {
            int row = offset + (y * _width);
            bool rowInBox = y >= boxTop && y <= boxBottom;
            for (int x = left; x <= right; x++)
            {
                if (logits[row + x] < threshold)
                {
                    continue;
                }

                supportLeft = Math.Min(supportLeft, x);
                supportRight = Math.Max(supportRight, x);
                supportTop = Math.Min(supportTop, y);
                supportBottom = Math.Max(supportBottom, y);
                if (rowInBox && x >= boxLeft && x <= boxRight)
                {
                    int cell = (y * _width) + x;
                    bits[cell >> 6] |= 1UL << (cell & 63);
                    area++;
                }
            }
        }

        return supportRight < 0
            ? null
            : new CandidateMask(logits, offset, bits, area, supportLeft, supportTop, supportRight, supportBottom, box);
    }

    /// <summary>
    /// The content cells (inclusive) a candidate's pixels may sample: all of them, or for a dense candidate those
    /// whose centre lies in its box widened by one cell, the reach of bilinear sampling. Only cells whose centre
    /// lies in the box itself count for the overlap between masks.
    /// </summary>
    public (int Left, int Top, int Right, int Bottom) Region(InputBox? box)
    {
        if (box is not { } b)
        {
            return (_columns.ContentFirst, _rows.ContentFirst, _columns.ContentLast, _rows.ContentLast);
        }

        (int left, int right) = _columns.CentresWithin(b.Left, b.Right);
        (int top, int bottom) = _rows.CentresWithin(b.Top, b.Bottom);

        return (
            Math.Max(_columns.ContentFirst, left - 1),
            Math.Max(_rows.ContentFirst, top - 1),
            Math.Min(_columns.ContentLast, right + 1),
            Math.Min(_rows.ContentLast, bottom + 1));
    }

    /// <summary>Intersection over union of two candidates' cells; 0 when both are empty.</summary>
    public static double IntersectionOverUnion(CandidateMask a, CandidateMask b)
    {
        int intersection = 0;
        for (int i = 0; i < a.Bits.Length; i++)
        {
            intersection += BitOperations.PopCount(a.Bits[i] & b.Bits[i]);
        }

        int union = a.Area + b.Area - intersection;

        return union == 0 ? 0 : (double)intersection / union;
    }

    /// <summary>
    /// Resizes a candidate's logits to the photo and thresholds them; null when no pixel passes.
    /// </summary>
    public (byte[] Pixels, SKRectI Bounds)? Resize(CandidateMask mask)
    {
        int photoWidth = _fit.PhotoWidth;
        int photoHeight = _fit.PhotoHeight;
        _photoColumns ??= new PixelTable(photoWidth, _columns, _fit.InputX);
        _photoRows ??= new PixelTable(photoHeight, _rows, _fit.InputY);
        PixelTable columns = _photoColumns;
        PixelTable rows = _photoRows;

        // Only pixels that sample a cell of the support can pass, since a bilinear value never exceeds the
        // largest of its four cells; a dense candidate's pixels outside its box are cut.
        (int x0, int x1) = columns.Sampling(mask.SupportLeft, mask.SupportRight);
        (int y0, int y1) = rows.Sampling(mask.SupportTop, mask.SupportBottom);
        if (mask.Box is { } box)
        {
            (int bx0, int bx1) = columns.CentresWithin(box.Left, box.Right);
            (int by0, int by1) = rows.CentresWithin(box.Top, box.Bottom);
            (x0, x1) = (Math.Max(x0, bx0), Math.Min(x1, bx1));
            (y0, y1) = (Math.Max(y0, by0), Math.Min(y1, by1));
        }

        if (x0 >= x1 || y0 >= y1)
        {
            return null;
        }

        int span = x1 - x0;
        if (_rowA.Length < span)
        {
            _rowA = new float[photoWidth];
            _rowB = new float[photoWidth];
        }

        byte[] pixels = new byte[photoWidth * photoHeight];
        int left = int.MaxValue;
        int right = -1;
        int top = -1;
        int bottom = -1;
        int cachedA = -1;
        int cachedB = -1;
        float threshold = Threshold;
        for (int y = y0; y < y1; y++)
        {
            int gridA = rows.First[y];
            int gridB = rows.Second[y];
            if (gridA == cachedB && gridA != cachedA)
            {
                (_rowA, _rowB) = (_rowB, _rowA);
                (cachedA, cachedB) = (cachedB, cachedA);
            }

            if (gridA != cachedA)
            {
                Interpolate(mask, gridA, columns, x0, x1, _rowA);
                cachedA = gridA;
            }

            if (gridB != cachedB)
            {
                Interpolate(mask, gridB, columns, x0, x1, _rowB);
                cachedB = gridB;
            }

            float weight = rows.Weight[y];
            Span<float> a = _rowA.AsSpan(0, span);
            Span<float> b = _rowB.AsSpan(0, span);
            Span<byte> line = pixels.AsSpan((y * photoWidth) + x0, span);
            Blend(a, b, weight, threshold, line);

            int first = line.IndexOf((byte)1);
            if (first < 0)
            {
                continue;
            }

            left = Math.Min(left, x0 + first);
            right = Math.Max(right, x0 + line.LastIndexOf((byte)1) + 1);
            if (top < 0)
            {
                top = y;
            }

            bottom = y + 1;
        }

        return top < 0 ? null : (pixels, new SKRectI(left, top, right, bottom));
    }

    // line[i] = 1 where a[i] + weight * (b[i] - a[i]) >= threshold, else 0: the vertical half of the bilinear
    // sampling and the threshold, which is the inner loop of the resize and so is vectorised.
    private static void Blend(Span<float> a, Span<float> b, float weight, float threshold, Span<byte> line)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int floats = Vector<float>.Count;
            Vector<float> weights = new(weight);
            Vector<float> thresholds = new(threshold);
            for (; i <= line.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector<int> first = Passes(a, b, i, weights, thresholds);
                Vector<int> second = Passes(a, b, i + floats, weights, thresholds);
                Vector<int> third = Passes(a, b, i + (2 * floats), weights, thresholds);
                Vector<int> fourth = Passes(a, b, i + (3 * floats), weights, thresholds);
                Vector<sbyte> passed = Vector.Narrow(Vector.Narrow(first, second), Vector.Narrow(third, fourth));
                (Vector.AsVectorByte(passed) & Vector<byte>.One).CopyTo(line[i..]);
            }
        }

        for (; i < line.Length; i++)
        {
            line[i] = a[i] + (weight * (b[i] - a[i])) >= threshold ? (byte)1 : (byte)0;
        }
    }

    // -1 in each lane that passes, 0 elsewhere.
    private static Vector<int> Passes(
        Span<float> a,
        Span<float> b,
        int start,
        Vector<float> weights,
        Vector<float> thresholds)
    {
        Vector<float> top = new(a[start..]);
        Vector<float> value = top + (weights * (new Vector<float>(b[start..]) - top));

        return Vector.GreaterThanOrEqual(value, thresholds);
    }

    private void Interpolate(CandidateMask mask, int gridRow, PixelTable columns, int x0, int x1, float[] target)
    {
        float[] logits = mask.Logits;
        int row = mask.Offset + (gridRow * _width);
        int[] first = columns.First;
        int[] second = columns.Second;
        float[] weight = columns.Weight;
        for (int x = x0; x < x1; x++)
        {
            float a = logits[row + first[x]];
            target[x - x0] = a + (weight[x] * (logits[row + second[x]] - a));
        }
    }

    /// <summary>One axis of the grid: its size, grid cells per input pixel and the cells inside the content.</summary>
    private sealed class Axis
    {
        public Axis(int cells, double cellsPerInputPixel, int contentStart, int contentEnd)
        {
            Cells = cells;
            CellsPerInputPixel = cellsPerInputPixel;
            (int first, int last) = CentresWithin(contentStart, contentEnd);
            if (first > last)
            {
                // Content thinner than a cell holds no cell centre; its nearest cell stands for it.
                double middle = (contentStart + contentEnd) / 2.0 * cellsPerInputPixel;
                first = Math.Clamp((int)Math.Floor(middle), 0, cells - 1);
                last = first;
            }

            ContentFirst = first;
            ContentLast = last;
        }

        public int Cells { get; }

        public double CellsPerInputPixel { get; }

        public int ContentFirst { get; }

        public int ContentLast { get; }

        /// <summary>The cells (inclusive, possibly empty) whose centre lies in [start, end) input pixels.</summary>
        public (int First, int Last) CentresWithin(double start, double end)
        {
            int first = (int)Math.Ceiling((start * CellsPerInputPixel) - 0.5);
            int last = (int)Math.Ceiling((end * CellsPerInputPixel) - 0.5) - 1;

            return (Math.Max(first, 0), Math.Min(last, Cells - 1));
        }
    }

    /// <summary>
    /// For each photo pixel along one axis: the two grid cells it samples (clamped to the content cells) and the
    /// weight of the second, and its centre in input pixels.
    /// </summary>
    private sealed class PixelTable
    {
        public PixelTable(int pixels, Axis axis, Func<double, double> toInput)
        {
            First = new int[pixels];
            Second = new int[pixels];
            Weight = new float[pixels];
            Centre = new double[pixels];
            for (int p = 0; p < pixels; p++)
            {
                Centre[p] = toInput(p + 0.5);
                double cell = (Centre[p] * axis.CellsPerInputPixel) - 0.5;
                cell = Math.Clamp(cell, axis.ContentFirst, axis.ContentLast);
                int first = Math.Min((int)Math.Floor(cell), axis.ContentLast);
                First[p] = first;
                Second[p] = Math.Min(first + 1, axis.ContentLast);
                Weight[p] = Second[p] == first ? 0f : (float)(cell - first);
            }
        }

        public int[] First { get; }

        public int[] Second { get; }

        public float[] Weight { get; }

        public double[] Centre { get; }

        /// <summary>The pixels [start, end) that sample at least one cell of [firstCell, lastCell].</summary>
        public (int Start, int End) Sampling(int firstCell, int lastCell)
        {
            int start = 0;
            while (start < First.Length && Second[start] < firstCell)
            {
                start++;
            }

            int end = First.Length;
            while (end > start && First[end - 1] > lastCell)
            {
                end--;
            }

            return (start, end);
        }

        /// <summary>The pixels [start, end) whose centre lies in [inputStart, inputEnd) input pixels.</summary>
        public (int Start, int End) CentresWithin(double inputStart, double inputEnd)
        {
            int start = 0;
            while (start < Centre.Length && Centre[start] < inputStart)
            {
                start++;
            }

            int end = start;
            while (end < Centre.Length && Centre[end] < inputEnd)
            {
                end++;
            }

            return (start, end);
        }
    }
}

/// <summary>A dense candidate's box in input pixels.</summary>
internal readonly record struct InputBox(double Left, double Top, double Right, double Bottom);

/// <summary>A candidate's mask on the grid: its logits, the cells that pass and their bounding cells.</summary>
internal sealed record CandidateMask(
    float[] Logits,
    int Offset,
    ulong[] Bits,
    int Area,
    int SupportLeft,
    int SupportTop,
    int SupportRight,
    int SupportBottom,
    InputBox? Box);
