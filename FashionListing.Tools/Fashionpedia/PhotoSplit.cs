using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>The photos of each part of a split, each list in ordinal order of the ids.</summary>
/// <param name="Train">Photos that fit a model.</param>
/// <param name="Validation">Photos that choose hyperparameters and the checkpoint.</param>
/// <param name="Test">Photos scored once, at the end.</param>
public sealed record SplitAssignment(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Validation,
    IReadOnlyList<string> Test)
{
    /// <summary>Which part a photo is in: "train", "validation" or "test".</summary>
    /// <exception cref="KeyNotFoundException">The photo is in no part.</exception>
    public string PartOf(string imageId)
    {
        ArgumentNullException.ThrowIfNull(imageId);

        return Contains(Train, imageId) ? "train"
            : Contains(Validation, imageId) ? "validation"
            : Contains(Test, imageId) ? "test"
            : throw new KeyNotFoundException($"Photo {imageId} is in no part of the split.");
    }

    private static bool Contains(IReadOnlyList<string> sorted, string id) =>
        BinarySearch(sorted, id) >= 0;

    private static int BinarySearch(IReadOnlyList<string> sorted, string id)
    {
        int low = 0;
        int high = sorted.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int order = string.CompareOrdinal(sorted[middle], id);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}

/// <summary>
/// Splits photos into train, validation and test by photo id, so that all objects of one photo land in the same
/// part.
/// </summary>
/// <remarks>
/// The distinct ids are ordered by a SHA-256 hash of the seed and the id, and the first <c>round(n * train)</c>
/// go to train, the next <c>round(n * validation)</c> to validation, the rest to test. The result depends only on
/// the set of ids and the seed, never on the order the ids are given in.
/// </remarks>
public static class PhotoSplit
{
    /// <summary>Splits the distinct photo ids; an id given more than once (e.g. once per object) counts
    /// once.</summary>
    /// <param name="imageIds">The photo ids.</param>
    /// <param name="seed">Chooses the shuffle; the same seed gives the same split.</param>
    /// <param name="train">The share of photos for train, from 0 to 1.</param>
    /// <param name="validation">The share for validation; test gets the rest.</param>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside 0-1 or the two add up to more than 1.
    /// </exception>
    public static SplitAssignment Split(
        IEnumerable<string> imageIds,
        int seed,
        double train = 0.70,
        double validation = 0.15)
    {
        ArgumentNullException.ThrowIfNull(imageIds);
        CheckShare(train, nameof(train));
        CheckShare(validation, nameof(validation));
        if (train + validation > 1 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(
                nameof(validation),
                validation,
                $"The train share {train} and validation share {validation} add up to {train + validation}; "
                + "the limit is 1.");
        }

        string[] ordered = imageIds
            .Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Key: KeyOf(seed, id)))
            .OrderBy(p => p.Key)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => p.Id)
            .ToArray();
        int trainCount = (int)Math.Round(ordered.Length * train, MidpointRounding.AwayFromZero);
        int validationCount = Math.Min(
            ordered.Length - trainCount,
            (int)Math.Round(ordered.Length * validation, MidpointRounding.AwayFromZero));

        return new SplitAssignment(
            Sorted(ordered.Take(trainCount)),
            Sorted(ordered.Skip(trainCount).Take(validationCount)),
            Sorted(ordered.Skip(trainCount + validationCount)));
    }

    /// <summary>Splits the samples' photos; see <see cref="Split(IEnumerable{string}, int, double, double)"/>.
    /// </summary>
    public static SplitAssignment Split(
        IEnumerable<FashionpediaSample> samples,
        int seed,
        double train = 0.70,
        double validation = 0.15)
    {
        ArgumentNullException.ThrowIfNull(samples);

        return Split(samples.Select(s => s.ImageId), seed, train, validation);
    }

    private static ulong KeyOf(int seed, string id)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed.ToString(CultureInfo.InvariantCulture) + "/" + id));

        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private static List<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();

    private static void CheckShare(double share, string name)
    {
        if (double.IsNaN(share) || share < 0 || share > 1)
        {
            throw new ArgumentOutOfRangeException(name, share, $"The {name} share is {share}; it must be from 0 to 1.");
        }
    }
}
