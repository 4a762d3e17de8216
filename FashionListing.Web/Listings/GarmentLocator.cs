using System.Numerics;
using FashionListing.Inference.Segmentation;

namespace FashionListing.Web.Listings;

/// <summary>
/// Finds which garment of a photo lies under a point the seller clicked, and where on the photo each
/// garment's number badge goes, from the garments' photo-size masks.
/// </summary>
/// <remarks>
/// Each pixel belongs to the smallest garment whose mask holds it: a belt drawn over a dress means the belt.
/// The locator keeps one byte per pixel for that, so it serves at most <see cref="MaxGarments"/> garments.
/// </remarks>
public sealed class GarmentLocator
{
    /// <summary>The most garments one locator serves.</summary>
    public const int MaxGarments = 255;

    // The badge is placed on a coarse grid: finding the garment's thickest part needs no full-resolution pass
    // beyond the one that fills the grid, and a badge a few pixels off its optimum looks the same.
    private const int GridCells = 64;

    private readonly int _width;
    private readonly int _height;

    // The garment each pixel belongs to, plus one; 0 is background.
    private readonly byte[] _owner;
    private readonly PhotoPoint[] _badges;

    public GarmentLocator(IReadOnlyList<GarmentMask> masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.Count > MaxGarments)
        {
            throw new ArgumentException($"There are {masks.Count} masks; the limit is {MaxGarments}.", nameof(masks));
        }

        _width = masks.Count > 0 ? masks[0].Width : 1;
        _height = masks.Count > 0 ? masks[0].Height : 1;
        long[] areas = new long[masks.Count];
        for (int i = 0; i < masks.Count; i++)
        {
            GarmentMask mask = masks[i];
            if (mask.Width != _width || mask.Height != _height || mask.Pixels.Length != _width * _height)
            {
                throw new ArgumentException(
                    $"Mask {i} is {mask.Width}x{mask.Height} with {mask.Pixels.Length} values; "
                    + $"every mask needs the photo's size, {_width}x{_height}, and one value per pixel.",
                    nameof(masks));
            }

            areas[i] = mask.Pixels.Length - mask.Pixels.AsSpan().Count((byte)0);
        }

        // Largest first, so that each smaller garment overwrites the larger ones it lies on; among equal
        // areas the earlier (more prominent) garment is written last and wins.
        _owner = new byte[_width * _height];
        foreach (int i in Enumerable.Range(0, masks.Count).OrderByDescending(i => areas[i]).ThenByDescending(i => i))
        {
            Claim(masks[i].Pixels, _owner, (byte)(i + 1));
        }

        _badges = FindBadgePoints(masks);
    }

    /// <summary>
    /// The index of the garment under <paramref name="point"/>, or null on the background or off the photo.
    /// Where masks overlap the smallest wins.
    /// </summary>
    public int? GarmentAt(PhotoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!(point.X >= 0 && point.X <= 1 && point.Y >= 0 && point.Y <= 1))
        {
            return null;
        }

        int x = Math.Min((int)(point.X * _width), _width - 1);
        int y = Math.Min((int)(point.Y * _height), _height - 1);
        byte owner = _owner[(y * _width) + x];

        return owner == 0 ? null : owner - 1;
    }

    /// <summary>
    /// Where garment <paramref name="index"/>'s number badge goes: on the part of the photo where a click picks
    /// that garment, at its thickest part (the point farthest from its edge, on a coarse grid), nearest its
    /// centre among equals. A garment wholly covered by smaller ones gets the thickest part of its own mask; an
    /// empty mask puts the badge at the photo's centre.
    /// </summary>
    public PhotoPoint BadgePoint(int index) => _badges[index];

    // Vectorised: at 2048x1536 a byte at a time took about 13 ms a mask.
    private static void Claim(byte[] pixels, byte[] owners, byte owner)
    {
        Vector<byte> fill = new(owner);
        int i = 0;
        for (; i <= pixels.Length - Vector<byte>.Count; i += Vector<byte>.Count)
        {
            Vector<byte> inside = Vector.GreaterThan(new Vector<byte>(pixels, i), Vector<byte>.Zero);
            Vector.ConditionalSelect(inside, fill, new Vector<byte>(owners, i)).CopyTo(owners, i);
        }

        for (; i < pixels.Length; i++)
        {
            if (pixels[i] != 0)
            {
                owners[i] = owner;
            }
        }
    }

    private PhotoPoint[] FindBadgePoints(IReadOnlyList<GarmentMask> masks)
    {
        int cell = Math.Max(1, (int)Math.Ceiling(Math.Max(_width, _height) / (double)GridCells));
        Grid grid = new(cell, (_width + cell - 1) / cell, (_height + cell - 1) / cell);

        // One pass marks, for every garment at once, the grid cells where a click picks it.
        int[][] owned = [.. masks.Select(_ => new int[grid.Columns * grid.Rows])];
        for (int y = 0; y < _height; y++)
        {
            int rowStart = y * _width;
            int cellRow = (y / cell) * grid.Columns;
            for (int x = 0; x < _width; x++)
            {
                byte owner = _owner[rowStart + x];
                if (owner != 0)
                {
                    owned[owner - 1][cellRow + (x / cell)] = int.MaxValue;
                }
            }
        }

        var badges = new PhotoPoint[masks.Count];
        for (int i = 0; i < masks.Count; i++)
        {
            badges[i] = ThickestPoint(owned[i], grid) ?? ThickestPoint(Cells(masks[i], grid), grid)
                ?? new PhotoPoint(0.5, 0.5);
        }

        return badges;
    }

    private int[] Cells(GarmentMask mask, Grid grid)
    {
        int[] cells = new int[grid.Columns * grid.Rows];
        for (int y = 0; y < _height; y++)
        {
            ReadOnlySpan<byte> row = mask.Pixels.AsSpan(y * _width, _width);
            for (int column = 0; column < grid.Columns; column++)
            {
                int start = column * grid.Cell;
                if (row.Slice(start, Math.Min(grid.Cell, _width - start)).ContainsAnyExcept((byte)0))
                {
                    cells[((y / grid.Cell) * grid.Columns) + column] = int.MaxValue;
                }
            }
        }

        return cells;
    }

    // The centre of the cell farthest from the region's edge, nearest the region's centre among equals; null
    // when no cell is marked (int.MaxValue).
    private PhotoPoint? ThickestPoint(int[] distance, Grid grid)
    {
        double sumX = 0;
        double sumY = 0;
        long filled = 0;
        for (int i = 0; i < distance.Length; i++)
        {
            if (distance[i] != 0)
            {
                sumX += i % grid.Columns;
                sumY += i / grid.Columns;
                filled++;
            }
        }

        if (filled == 0)
        {
            return null;
        }

        CityBlockDistance(distance, grid.Columns, grid.Rows);

        double centreX = sumX / filled;
        double centreY = sumY / filled;
        int bestCell = 0;
        double bestOffset = double.MaxValue;
        for (int i = 0; i < distance.Length; i++)
        {
            double offset = Square((i % grid.Columns) - centreX) + Square((i / grid.Columns) - centreY);
            if (distance[i] > distance[bestCell] || (distance[i] == distance[bestCell] && offset < bestOffset))
            {
                bestCell = i;
                bestOffset = offset;
            }
        }

        double badgeX = Math.Min((((bestCell % grid.Columns) * grid.Cell) + (grid.Cell / 2.0)) / _width, 1);
        double badgeY = Math.Min((((bestCell / grid.Columns) * grid.Cell) + (grid.Cell / 2.0)) / _height, 1);

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

    private sealed record Grid(int Cell, int Columns, int Rows);
}
