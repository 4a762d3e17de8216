using FashionListing.Tools.Fashionpedia;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class PhotoSplitTests
{
    private static readonly List<string> s_ids = [.. Enumerable.Range(0, 1000).Select(i => $"photo{i:D4}")];

    [Fact]
    public void Split_SameSeedTwice_GivesTheSameParts()
    {
        SplitAssignment first = PhotoSplit.Split(s_ids, seed: 7);
        SplitAssignment second = PhotoSplit.Split(s_ids, seed: 7);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Validation, second.Validation);
        Assert.Equal(first.Test, second.Test);
    }

    [Fact]
    public void Split_IdsInAnotherOrder_GivesTheSameParts()
    {
        List<string> shuffled = [.. s_ids];
        new Random(3).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        SplitAssignment ordered = PhotoSplit.Split(s_ids, seed: 7);
        SplitAssignment reordered = PhotoSplit.Split(shuffled, seed: 7);

        Assert.Equal(ordered.Train, reordered.Train);
        Assert.Equal(ordered.Validation, reordered.Validation);
        Assert.Equal(ordered.Test, reordered.Test);
    }

    [Fact]
    public void Split_AnotherSeed_GivesAnotherTrainPart()
    {
        SplitAssignment seven = PhotoSplit.Split(s_ids, seed: 7);
        SplitAssignment eight = PhotoSplit.Split(s_ids, seed: 8);

        Assert.NotEqual(seven.Train, eight.Train);
    }

    [Fact]
    public void Split_DefaultShares_Gives700And150And150OfAThousandDisjointPhotos()
    {
        SplitAssignment split = PhotoSplit.Split(s_ids, seed: 1);

        Assert.Equal(700, split.Train.Count);
        Assert.Equal(150, split.Validation.Count);
        Assert.Equal(150, split.Test.Count);
        Assert.Equal(s_ids, split.Train.Concat(split.Validation).Concat(split.Test).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Split_SharesAsSettings_AreUsed()
    {
        SplitAssignment split = PhotoSplit.Split(s_ids, seed: 1, train: 0.5, validation: 0.3);

        Assert.Equal(500, split.Train.Count);
        Assert.Equal(300, split.Validation.Count);
        Assert.Equal(200, split.Test.Count);
    }

    [Fact]
    public void Split_OneIdPerInstance_PutsEachPhotoInOnePartOnce()
    {
        // A photo with three objects arrives three times; it is one photo of the split.
        List<string> perInstance = [.. s_ids.Take(20).SelectMany(id => new[] { id, id, id })];

        SplitAssignment split = PhotoSplit.Split(perInstance, seed: 5);

        List<string> all = [.. split.Train.Concat(split.Validation).Concat(split.Test)];
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(14, split.Train.Count);
        Assert.Equal(3, split.Validation.Count);
    }

    [Fact]
    public void Split_Samples_EveryInstanceOfAPhotoIsInThePhotosPart()
    {
        List<FashionpediaSample> samples = [.. s_ids.Take(40).Select(id => new FashionpediaSample(id, 2, 2,
            [new FashionpediaInstance(1, [], "1 1"), new FashionpediaInstance(2, [], "2 1")]))];

        SplitAssignment split = PhotoSplit.Split(samples, seed: 9);

        Assert.Equal(40, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.Equal("validation", split.PartOf(split.Validation[0]));
        Assert.Equal("test", split.PartOf(split.Test[^1]));
        Assert.Empty(split.Train.Intersect(split.Test));
    }

    [Fact]
    public void Split_SharesAboveOne_ThrowsNamingTheSum()
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(
            () => PhotoSplit.Split(s_ids, seed: 1, train: 0.9, validation: 0.2));

        Assert.Contains("add up to 1.1", error.Message, StringComparison.Ordinal);
    }
}
