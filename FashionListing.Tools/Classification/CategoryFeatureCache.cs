using System.Diagnostics;
using System.Globalization;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Segmentation;
using SkiaSharp;

namespace FashionListing.Tools.Classification;

/// <summary>The features of one photo's crop and of its mirror image.</summary>
public sealed record PhotoFeatures(float[] Original, float[] Mirrored);

/// <summary>
/// Computes every photo's features once and keeps them in a binary file, so that iterations on
/// the head take seconds. A cache file belongs to one segmenter and one crop recipe; its name
/// says which.
/// </summary>
public static class CategoryFeatureCache
{
    private const string Magic = "FLCF1";

    /// <summary>The cache file's name for a segmenter and crop recipe (whatever its feature set).</summary>
    public static string FileName(string segmenterName, CategoryHeadRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(recipe);

        return string.Create(CultureInfo.InvariantCulture,
            $"{segmenterName}-margin{recipe.CropMargin:0.###}-{(recipe.BlankBackground ? "blank" : "keep")}"
            + $"-{recipe.InputSize}px.bin");
    }

    /// <summary>Reads the cached features and computes those of photos not yet cached.</summary>
    public static Dictionary<string, PhotoFeatures> LoadOrCompute(
        string cachePath,
        IReadOnlyList<LabelledPhoto> photos,
        string imagesFolder,
        IGarmentSegmenter segmenter,
        CategoryFeatureExtractor extractor,
        CategoryHeadRecipe recipe,
        TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(photos);
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(log);
        Dictionary<string, PhotoFeatures> cached = File.Exists(cachePath) ? Read(cachePath) : [];
        List<LabelledPhoto> missing = photos.Where(p => !cached.ContainsKey(p.Image)).ToList();
        log.WriteLine($"  {cached.Count} photos cached in {cachePath}; {missing.Count} to compute");
        if (missing.Count == 0)
        {
            return cached;
        }

        double segmentMs = 0;
        double backboneMs = 0;
        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < missing.Count; i++)
        {
            string path = Path.Combine(imagesFolder, missing[i].Image + ".jpg");
            using SKBitmap photo = SKBitmap.Decode(path)
                ?? throw new InvalidDataException($"The photo {path} cannot be decoded.");
            long t0 = Stopwatch.GetTimestamp();
            GarmentMask mask = segmenter.Segment(photo);
            long t1 = Stopwatch.GetTimestamp();
            float[] original = extractor.ExtractAll(photo, mask, recipe, mirrored: false);
            float[] mirrored = extractor.ExtractAll(photo, mask, recipe, mirrored: true);
            segmentMs += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            backboneMs += Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
            cached[missing[i].Image] = new PhotoFeatures(original, mirrored);

            if ((i + 1) % 250 == 0 || i + 1 == missing.Count)
            {
                double elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {i + 1}/{missing.Count} photos, {elapsed:F0} s; per photo: mask {segmentMs / (i + 1):F1} ms, "
                    + $"two crops through the backbone {backboneMs / (i + 1):F1} ms; "
                    + $"about {elapsed / (i + 1) * (missing.Count - i - 1):F0} s left"));
            }

            if ((i + 1) % 1000 == 0)
            {
                Write(cachePath, cached);
            }
        }

        Write(cachePath, cached);

        return cached;
    }

    private static Dictionary<string, PhotoFeatures> Read(string path)
    {
        using BinaryReader reader = new(File.OpenRead(path));
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException($"{path} is not a feature cache; delete it to recompute.");
        }

        int count = reader.ReadInt32();
        int length = reader.ReadInt32();
        Dictionary<string, PhotoFeatures> features = new(count, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string image = reader.ReadString();
            features[image] = new PhotoFeatures(ReadVector(reader, length), ReadVector(reader, length));
        }

        return features;
    }

    private static float[] ReadVector(BinaryReader reader, int length)
    {
        float[] vector = new float[length];
        reader.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));

        return vector;
    }

    private static void Write(string path, Dictionary<string, PhotoFeatures> features)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = path + ".tmp";
        using (BinaryWriter writer = new(File.Create(temporary)))
        {
            int length = features.Values.First().Original.Length;
            writer.Write(Magic);
            writer.Write(features.Count);
            writer.Write(length);
            foreach ((string image, PhotoFeatures value) in features.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.Write(image);
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.Original.AsSpan()));
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.Mirrored.AsSpan()));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
