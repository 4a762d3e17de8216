using FashionListing.Inference.Segmentation;

namespace FashionListing.Web.Listings;

/// <summary>
/// Finds which garment of a photo lies under a point the seller clicked, and where on the photo each
/// garment's number badge goes, from the garments' photo-size masks.
/// </summary>
public sealed class GarmentLocator
{
    // The badge is placed on a coarse grid: finding the garment's thickest part needs no full-resolution pass
    // beyond the one that fills the grid, and a badge a few pixels off its optimum looks the same.
    private const int GridCells = 64;

    private readonly IReadOnlyList<GarmentMask> _masks;
    private readonly long[] _areas;
    private readonly PhotoPoint[] _badges;

    public GarmentLocator(IReadOnlyList<GarmentMask> masks)
    {
        ArgumentNullException.ThrowIfNull(masks);

        _masks = masks;
        _areas = new long[masks.Count];
        _badges = new PhotoPoint[masks.Count];
        for (int i = 0; i < masks.Count; i++)
        {
            GarmentMask mask = masks[i];
            if (mask.Width <= 0 || mask.Height <= 0 || mask.Pixels.Length != mask.Width * mask.Height)
            {
                throw new ArgumentException(
                    $"Mask {i} is {mask.Width}x{mask.Height} with {mask.Pixels.Length} values; "
                    + "it needs a positive size and one value per pixel.",
                    nameof(masks));
            }

            _areas[i] = mask.Pixels.Length - mask.Pixels.AsSpan().Count((byte)0);
            _badges[i] = FindBadgePoint(mask);
        }
    }

    /// <summary>How many garments the locator knows.</summary>
    public int Count => _masks.Count;

    /// <summary>
    /// The index of the garment under <paramref name="point"/>, or null on the background or off the photo.
    /// Where masks overlap the smallest wins: a belt drawn over a dress means the belt.
    /// </summary>
    public int? GarmentAt(PhotoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!(point.X >= 0 && point.X <= 1 && point.Y >= 0 && point.Y <= 1))
        {
            return null;
        }

        int? best = null;
        for (int i = 0; i < _masks.Count; i++)
        {
            GarmentMask mask = _masks[i];
            int x = Math.Min((int)(point.X * mask.Width), mask.Width - 1);
            int y = Math.Min((int)(point.Y * mask.Height), mask.Height - 1);
            if (mask.Pixels[(y * mask.Width) + x] != 0 && (best is not int b || _areas[i] < _areas[b]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Where garment <paramref name="index"/>'s number badge goes: inside its mask, at its thickest part
    /// (the point farthest from the mask's edge, on a coarse grid), nearest the mask's centre among equals.
    /// An empty mask puts the badge at the photo's centre.
    /// </summary>
    public PhotoPoint BadgePoint(int index) => _badges[index];

    private static PhotoPoint FindBadgePoint(GarmentMask mask)
    {
        int cell = Math.Max(1, (int)Math.Ceiling(Math.Max(mask.Width, mask.Height) / (double)GridCells));
        int columns = (mask.Width + cell - 1) / cell;
        int rows = (mask.Height + cell - 1) / cell;
        int[] distance = new int[columns * rows];
        double sumX = 0;
        double sumY = 0;
        long filled = 0;
        for (int y = 0; y < mask.Height; y++)
        {
            ReadOnlySpan<byte> row = mask.Pixels.AsSpan(y * mask.Width, mask.Width);
            for (int column = 0; column < columns; column++)
            {
                int start = column * cell;
                if (row.Slice(start, Math.Min(cell, mask.Width - start)).ContainsAnyExcept((byte)0))
                {
                    distance[((y / cell) * columns) + column] = int.MaxValue;
                }
            }
        }

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (distance[(r * columns) + c] != 0)
                {
                    sumX += c;
                    sumY += r;
                    filled++;
                }
            }
        }

        if (filled == 0)
        {
            return new PhotoPoint(0.5, 0.5);
        }

        CityBlockDistance(distance, columns, rows);

        double centreX = sumX / filled;
        double centreY = sumY / filled;
        int bestCell = 0;
        double bestOffset = double.MaxValue;
        for (int i = 0; i < distance.Length; i++)
        {
            double offset = Square((i % columns) - centreX) + Square((i / columns) - centreY);
            if (distance[i] > distance[bestCell] || (distance[i] == distance[bestCell] && offset < bestOffset))
            {
                bestCell = i;
                bestOffset = offset;
            }
        }

        double badgeX = Math.Min((((bestCell % columns) * cell) + (cell / 2.0)) / mask.Width, 1);
        double badgeY = Math.Min((((bestCell / columns) * cell) + (cell / 2.0)) / mask.Height, 1);

        return new PhotoPoint(badgeX, badgeY);
    }

    // Two passes turn "inside" (int.MaxValue) into the number of steps, across or down, to the nearest cell
    // outside the mask; the photo's edge counts as outside.
    private static void CityBlockDistance(int[] distance, int columns, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int i = (r * columns) + c;
                if (distance[i] != 0)
                {
                    int up = r > 0 ? distance[i - columns] : 0;
                    int left = c > 0 ? distance[i - 1] : 0;
                    distance[i] = Math.Min(up, left) + 1;
                }
            }
        }

        for (int r = rows - 1; r >= 0; r--)
        {
            for (int c = columns - 1; c >= 0; c--)
            {
                int i = (r * columns) + c;
                if (distance[i] != 0)
                {
                    int down = r < rows - 1 ? distance[i + columns] : 0;
                    int right = c < columns - 1 ? distance[i + 1] : 0;
                    distance[i] = Math.Min(distance[i], Math.Min(down, right) + 1);
                }
            }
        }
    }

    private static double Square(double value) => value * value;
}
