using System.Buffers;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Inference.Colour;

/// <summary>
/// Finds the dominant colours of a garment: samples the photo's pixels inside the garment mask,
/// pools them into a coarse colour histogram, clusters that in CIELAB with k-means++, merges
/// near-identical clusters and names each colour.
/// </summary>
/// <remarks>
/// Stateless apart from its options, so one instance may be shared and called concurrently. The
/// clustering is seeded, so the same photo and mask always give the same result. Shading is not
/// removed: a garment half in deep shadow may report the shadow as a darker second colour.
/// </remarks>
public sealed class DominantColourExtractor
{
    private const int MaxSupportedColours = 8;
    private const int BinCount = 32 * 32 * 32;

    private readonly DominantColourOptions _options;

    /// <summary>Creates an extractor with the default <see cref="DominantColourOptions"/>.</summary>
    public DominantColourExtractor()
        : this(new DominantColourOptions())
    {
    }

    /// <summary>Creates an extractor with the given options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public DominantColourExtractor(DominantColourOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxColours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxColours, MaxSupportedColours);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MergeDistance);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MinShare, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1);
        _options = options;
    }

    /// <summary>
    /// The garment's dominant colours, largest share first. Each share is the colour's fraction of
    /// all garment pixels; colours under <see cref="DominantColourOptions.MinShare"/> are left out,
    /// so the shares may add up to less than 1. Empty when the mask selects no pixel.
    /// </summary>
    /// <param name="photo">
    /// The photo, in <see cref="SKColorType.Rgba8888"/> or <see cref="SKColorType.Bgra8888"/> (what
    /// <see cref="SKBitmap.Decode(string)"/> gives on most platforms). Alpha is ignored: photos are
    /// opaque, and for opaque pixels premultiplied and unpremultiplied values are the same.
    /// </param>
    /// <param name="mask">Which pixels belong to the garment; the photo's size.</param>
    /// <exception cref="ArgumentException">
    /// The photo has another pixel format, or the mask's size differs from the photo's.
    /// </exception>
    public IReadOnlyList<ColourSuggestion> Extract(SKBitmap photo, GarmentMask mask)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(mask);
        CheckInputs(photo, mask);

        Histogram histogram = Sample(photo, mask);
        if (histogram.Total == 0)
        {
            return [];
        }

        List<Cluster> clusters = KMeans(histogram);
        MergeSimilar(clusters);

        return clusters
            .Select(c => (Cluster: c, Share: (double)c.Count / histogram.Total))
            .Where(c => c.Share >= _options.MinShare)
            .OrderByDescending(c => c.Share)
            .Select(c => new ColourSuggestion(
                FashionColourNames.Nearest(c.Cluster.Centre).Name,
                ColourSpace.ToHex(ColourSpace.ToSrgb(c.Cluster.Centre)),
                c.Share))
            .ToList();
    }

    private static void CheckInputs(SKBitmap photo, GarmentMask mask)
    {
        if (photo.ColorType is not (SKColorType.Rgba8888 or SKColorType.Bgra8888))
        {
            throw new ArgumentException(
                $"The photo's pixel format is {photo.ColorType}; Rgba8888 or Bgra8888 is required.",
                nameof(photo));
        }

        if (mask.Width != photo.Width || mask.Height != photo.Height)
        {
            throw new ArgumentException(
                $"The mask is {mask.Width}x{mask.Height} but the photo is {photo.Width}x{photo.Height}; "
                + "they must be the same size.",
                nameof(mask));
        }

        if (mask.Pixels.Length != mask.Width * mask.Height)
        {
            throw new ArgumentException(
                $"The mask holds {mask.Pixels.Length} values for {mask.Width}x{mask.Height} pixels.",
                nameof(mask));
        }
    }

    // Sampled pixels are pooled into bins of 8 x 8 x 8 sRGB code values, and each occupied bin
    // enters k-means once, at its pixels' mean colour, weighted by their number. A garment photo
    // fills a few thousand bins, so clustering costs a fraction of what 20,000 single pixels would,
    // while a flat colour keeps its exact value.
    private Histogram Sample(SKBitmap photo, GarmentMask mask)
    {
        ReadOnlySpan<byte> maskPixels = mask.Pixels;
        int inside = maskPixels.Length - maskPixels.Count((byte)0);
        if (inside == 0)
        {
            return new Histogram([], [], 0);
        }

        // Every step-th garment pixel in reading order: even coverage without a random generator.
        int step = (inside + _options.MaxSamples - 1) / _options.MaxSamples;
        int redOffset = photo.ColorType == SKColorType.Rgba8888 ? 0 : 2;
        int blueOffset = 2 - redOffset;
        ReadOnlySpan<byte> pixels = photo.GetPixelSpan();
        int rowBytes = photo.RowBytes;
        int width = photo.Width;
        int[] bins = ArrayPool<int>.Shared.Rent(BinCount * 4);
        try
        {
            Span<int> sums = bins.AsSpan(0, BinCount * 4);
            sums.Clear();
            int taken = 0;
            int untilNext = 0;
            for (int y = 0; y < photo.Height; y++)
            {
                ReadOnlySpan<byte> maskRow = maskPixels.Slice(y * width, width);
                ReadOnlySpan<byte> row = pixels.Slice(y * rowBytes, width * 4);
                for (int x = 0; x < width; x++)
                {
                    if (maskRow[x] == 0 || untilNext-- > 0)
                    {
                        continue;
                    }

                    untilNext = step - 1;
                    int offset = x * 4;
                    int red = row[offset + redOffset];
                    int green = row[offset + 1];
                    int blue = row[offset + blueOffset];
                    int bin = ((red >> 3) << 10) | ((green >> 3) << 5) | (blue >> 3);
                    sums[bin * 4]++;
                    sums[(bin * 4) + 1] += red;
                    sums[(bin * 4) + 2] += green;
                    sums[(bin * 4) + 3] += blue;
                    taken++;
                }
            }

            List<LabColour> points = [];
            List<int> weights = [];
            for (int bin = 0; bin < BinCount; bin++)
            {
                int count = sums[bin * 4];
                if (count > 0)
                {
                    points.Add(ColourSpace.ToLab(
                        MeanCode(sums[(bin * 4) + 1], count),
                        MeanCode(sums[(bin * 4) + 2], count),
                        MeanCode(sums[(bin * 4) + 3], count)));
                    weights.Add(count);
                }
            }

            return new Histogram([.. points], [.. weights], taken);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bins);
        }
    }

    private static byte MeanCode(int sum, int count) => (byte)(((2 * sum) + count) / (2 * count));

    private List<Cluster> KMeans(Histogram histogram)
    {
        LabColour[] points = histogram.Points;
        int[] weights = histogram.Weights;
        LabColour[] centres = SeedCentres(histogram);
        int[] assignment = new int[points.Length];
        Array.Fill(assignment, -1);
        int[] counts = new int[centres.Length];

        for (int iteration = 0; iteration < _options.MaxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < points.Length; i++)
            {
                int nearest = Nearest(points[i], centres);
                if (nearest != assignment[i])
                {
                    assignment[i] = nearest;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            Recentre(histogram, assignment, centres, counts);
        }

        Array.Clear(counts);
        for (int i = 0; i < points.Length; i++)
        {
            counts[assignment[i]] += weights[i];
        }

        List<Cluster> clusters = [];
        for (int c = 0; c < centres.Length; c++)
        {
            if (counts[c] > 0)
            {
                clusters.Add(new Cluster(centres[c], counts[c]));
            }
        }

        return clusters;
    }

    // k-means++: each further centre is drawn with probability proportional to its pixels' squared
    // distance from the nearest centre so far; when every pixel sits on a centre, fewer are kept.
    private LabColour[] SeedCentres(Histogram histogram)
    {
        LabColour[] points = histogram.Points;
        int[] weights = histogram.Weights;
        Random random = new(_options.Seed);
        List<LabColour> centres = [points[PickWeighted(weights, random.NextDouble() * histogram.Total)]];
        double[] distances = new double[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            distances[i] = weights[i] * SquaredDistance(points[i], centres[0]);
        }

        while (centres.Count < _options.MaxColours)
        {
            double total = 0.0;
            foreach (double distance in distances)
            {
                total += distance;
            }

            if (total <= 0.0)
            {
                break;
            }

            LabColour centre = points[PickWeighted(distances, random.NextDouble() * total)];
            centres.Add(centre);
            for (int i = 0; i < points.Length; i++)
            {
                distances[i] = Math.Min(distances[i], weights[i] * SquaredDistance(points[i], centre));
            }
        }

        return [.. centres];
    }

    private static int PickWeighted<T>(T[] weights, double target)
        where T : System.Numerics.INumber<T>
    {
        double cumulative = 0.0;
        for (int i = 0; i < weights.Length - 1; i++)
        {
            cumulative += double.CreateChecked(weights[i]);
            if (cumulative > target)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static void Recentre(Histogram histogram, int[] assignment, LabColour[] centres, int[] counts)
    {
        Span<double> sums = stackalloc double[centres.Length * 3];
        sums.Clear();
        Array.Clear(counts);
        for (int i = 0; i < histogram.Points.Length; i++)
        {
            int c = assignment[i];
            int weight = histogram.Weights[i];
            LabColour point = histogram.Points[i];
            sums[c * 3] += weight * point.L;
            sums[(c * 3) + 1] += weight * point.A;
            sums[(c * 3) + 2] += weight * point.B;
            counts[c] += weight;
        }

        for (int c = 0; c < centres.Length; c++)
        {
            // A centre that lost all its pixels stays where it was; it is dropped at the end.
            if (counts[c] > 0)
            {
                centres[c] = new LabColour(sums[c * 3] / counts[c], sums[(c * 3) + 1] / counts[c],
                    sums[(c * 3) + 2] / counts[c]);
            }
        }
    }

    // Merges the closest pair while it is within the merge distance or both would get the same name,
    // so that a listing never says "navy 40%, navy 30%".
    private void MergeSimilar(List<Cluster> clusters)
    {
        while (clusters.Count > 1)
        {
            int first = -1;
            int second = -1;
            double closest = double.MaxValue;
            for (int i = 0; i < clusters.Count; i++)
            {
                for (int j = i + 1; j < clusters.Count; j++)
                {
                    double distance = ColourDifference.Ciede2000(clusters[i].Centre, clusters[j].Centre);
                    bool sameName = string.Equals(
                        FashionColourNames.Nearest(clusters[i].Centre).Name,
                        FashionColourNames.Nearest(clusters[j].Centre).Name,
                        StringComparison.Ordinal);
                    double key = sameName ? -1.0 : distance;
                    if ((sameName || distance < _options.MergeDistance) && key < closest)
                    {
                        closest = key;
                        first = i;
                        second = j;
                    }
                }
            }

            if (first < 0)
            {
                return;
            }

            Cluster a = clusters[first];
            Cluster b = clusters[second];
            int count = a.Count + b.Count;
            LabColour centre = new(
                ((a.Centre.L * a.Count) + (b.Centre.L * b.Count)) / count,
                ((a.Centre.A * a.Count) + (b.Centre.A * b.Count)) / count,
                ((a.Centre.B * a.Count) + (b.Centre.B * b.Count)) / count);
            clusters[first] = new Cluster(centre, count);
            clusters.RemoveAt(second);
        }
    }

    private static int Nearest(LabColour sample, LabColour[] centres)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int c = 0; c < centres.Length; c++)
        {
            double distance = SquaredDistance(sample, centres[c]);
            if (distance < bestDistance)
            {
                best = c;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static double SquaredDistance(LabColour first, LabColour second)
    {
        double dl = first.L - second.L;
        double da = first.A - second.A;
        double db = first.B - second.B;

        return (dl * dl) + (da * da) + (db * db);
    }

    private sealed record Cluster(LabColour Centre, int Count);

    private sealed record Histogram(LabColour[] Points, int[] Weights, int Total);
}
