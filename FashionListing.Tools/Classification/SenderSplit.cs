using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FashionListing.Tools.Classification;

/// <summary>The three disjoint parts of the data.</summary>
public enum DataSplit
{
    /// <summary>Fits the head's weights.</summary>
    Train,

    /// <summary>Chooses hyperparameters and the early-stopping epoch.</summary>
    Validation,

    /// <summary>Scored once, at the end.</summary>
    Test,
}

/// <summary>
/// Assigns whole senders to train, validation or test, so that no sender's room, light or
/// background is seen in two parts.
/// </summary>
/// <remarks>
/// Senders are visited in the order of a seeded SHA-256 hash of their id; each goes to the part
/// furthest below its target share of photos. Because a few senders took hundreds of photos, any
/// sender holding more than <see cref="LargeSenderShare"/> of all photos goes to train, so that
/// validation and test are not dominated by one person's photos.
/// </remarks>
public static class SenderSplit
{
    /// <summary>Target share of photos for train.</summary>
    public const double TrainShare = 0.70;

    /// <summary>Target share of photos for validation; test receives the rest.</summary>
    public const double ValidationShare = 0.15;

    /// <summary>Senders above this share of all photos always go to train.</summary>
    public const double LargeSenderShare = 0.05;

    /// <summary>The part each sender belongs to.</summary>
    public static IReadOnlyDictionary<string, DataSplit> Assign(IReadOnlyList<LabelledPhoto> photos, int seed)
    {
        ArgumentNullException.ThrowIfNull(photos);
        Dictionary<string, int> photosBySender = photos
            .GroupBy(p => p.SenderId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        double total = photos.Count;
        double[] targets = [TrainShare * total, ValidationShare * total, (1 - TrainShare - ValidationShare) * total];
        double[] filled = new double[3];
        Dictionary<string, DataSplit> assignment = new(StringComparer.Ordinal);

        foreach ((string sender, int count) in photosBySender.Where(s => s.Value > LargeSenderShare * total))
        {
            assignment[sender] = DataSplit.Train;
            filled[(int)DataSplit.Train] += count;
        }

        IEnumerable<string> ordered = photosBySender.Keys
            .Where(s => !assignment.ContainsKey(s))
            .OrderBy(s => Hash(seed, s))
            .ThenBy(s => s, StringComparer.Ordinal);
        foreach (string sender in ordered)
        {
            int best = 0;
            for (int part = 1; part < 3; part++)
            {
                if (targets[part] - filled[part] > targets[best] - filled[best])
                {
                    best = part;
                }
            }

            assignment[sender] = (DataSplit)best;
            filled[best] += photosBySender[sender];
        }

        return assignment;
    }

    /// <summary>The photos of each part, in their original order.</summary>
    public static IReadOnlyDictionary<DataSplit, LabelledPhoto[]> Partition(
        IReadOnlyList<LabelledPhoto> photos,
        int seed)
    {
        IReadOnlyDictionary<string, DataSplit> senders = Assign(photos, seed);

        return Enum.GetValues<DataSplit>()
            .ToDictionary(s => s, s => photos.Where(p => senders[p.SenderId] == s).ToArray());
    }

    private static ulong Hash(int seed, string sender)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{sender}"));

        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }
}
