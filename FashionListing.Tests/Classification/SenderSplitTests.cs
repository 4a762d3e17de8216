using FashionListing.Tests.Support;
using FashionListing.Tools.Classification;

namespace FashionListing.Tests.Classification;

public sealed class SenderSplitTests
{
    private const int Seed = 20261204;

    private static readonly Lazy<IReadOnlyList<LabelledPhoto>> s_photos = new(
        () => ClothingDataset.ReadGarmentPhotos(Path.Combine(SharedData.ClothingDataset, "images.csv")));

    [Fact]
    public void Partition_SameSeedTwice_GivesTheSameSendersInEachPart()
    {
        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> first = SenderSplit.Partition(s_photos.Value, Seed);

        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> second = SenderSplit.Partition(s_photos.Value, Seed);

        foreach (DataSplit split in Enum.GetValues<DataSplit>())
        {
            Assert.Equal(first[split].Select(p => p.Image), second[split].Select(p => p.Image));
        }
    }

    [Fact]
    public void Partition_AnotherSeed_MovesSomeSenders()
    {
        IReadOnlyDictionary<string, DataSplit> first = SenderSplit.Assign(s_photos.Value, Seed);

        IReadOnlyDictionary<string, DataSplit> other = SenderSplit.Assign(s_photos.Value, Seed + 1);

        Assert.Contains(first.Keys, s => first[s] != other[s]);
    }

    [Fact]
    public void Partition_RealDataset_PutsEverySenderInExactlyOnePart()
    {
        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(s_photos.Value, Seed);

        HashSet<string> train = parts[DataSplit.Train].Select(p => p.SenderId).ToHashSet();
        HashSet<string> validation = parts[DataSplit.Validation].Select(p => p.SenderId).ToHashSet();
        HashSet<string> test = parts[DataSplit.Test].Select(p => p.SenderId).ToHashSet();
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
        Assert.Equal(s_photos.Value.Count, parts.Values.Sum(p => p.Length));
        Assert.Equal(
            s_photos.Value.Select(p => p.SenderId).Distinct().Count(),
            train.Count + validation.Count + test.Count);
    }

    [Fact]
    public void Partition_RealDataset_GivesSharesNearTheTargets()
    {
        double total = s_photos.Value.Count;

        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(s_photos.Value, Seed);

        Assert.InRange(parts[DataSplit.Train].Length / total, 0.65, 0.75);
        Assert.InRange(parts[DataSplit.Validation].Length / total, 0.12, 0.18);
        Assert.InRange(parts[DataSplit.Test].Length / total, 0.12, 0.18);
    }

    [Fact]
    public void Assign_SenderAboveFivePercent_GoesToTrain()
    {
        // Sender "big" has 6 of 100 photos; 94 senders have one photo each.
        List<LabelledPhoto> photos = Enumerable.Range(0, 6)
            .Select(i => new LabelledPhoto($"b{i}", "big", "Hat"))
            .ToList();
        photos.AddRange(Enumerable.Range(0, 94).Select(i => new LabelledPhoto($"s{i}", $"small{i}", "Hat")));

        IReadOnlyDictionary<string, DataSplit> senders = SenderSplit.Assign(photos, Seed);

        Assert.Equal(DataSplit.Train, senders["big"]);
        Assert.Equal(15, senders.Values.Count(s => s == DataSplit.Test));
    }

    [Fact]
    public void ReadGarmentPhotos_RealCsv_LeavesOutNotSureOtherAndSkip()
    {
        IReadOnlyList<LabelledPhoto> photos = s_photos.Value;

        // images.csv has 4,875 rows: 216 "Not sure", 56 "Other" and 7 "Skip" leave 4,596 (counted with awk).
        Assert.Equal(4596, photos.Count);
        Assert.Equal(17, photos.Select(p => p.Label).Distinct().Count());
        Assert.DoesNotContain(photos, p => p.Label is "Not sure" or "Other" or "Skip");
    }
}
