using FashionListing.Tools.Duplicates;

namespace FashionListing.Tests.Tools.Duplicates;

public sealed class SimilarityStatisticsTests
{
    [Fact]
    public void HighestThresholdWithRecall_HundredScores_AllowsOneMiss()
    {
        // 0.01, 0.02, ..., 1.00; recall 0.99 of 100 allows one miss, so the threshold is the second smallest.
        float[] scores = [.. Enumerable.Range(1, 100).Select(i => i / 100f)];

        float threshold = SimilarityStatistics.HighestThresholdWithRecall(scores, 0.99);

        Assert.Equal(0.02f, threshold);
        Assert.Equal(0.99, SimilarityStatistics.ShareAtOrAbove(scores, threshold));
    }

    [Fact]
    public void HighestThresholdWithRecall_ThreeHundredScores_AllowsThreeMissesDespiteRounding()
    {
        // (1 - 0.99) * 300 is 2.9999999999999973 in floating point; three misses are allowed all the same.
        float[] scores = [.. Enumerable.Range(1, 300).Select(i => (float)i)];

        float threshold = SimilarityStatistics.HighestThresholdWithRecall(scores, 0.99);

        Assert.Equal(4f, threshold);
    }

    [Fact]
    public void HighestThresholdWithRecall_FullRecall_IsTheSmallestScore()
    {
        float[] scores = [0.93f, 0.91f, 0.97f];

        float threshold = SimilarityStatistics.HighestThresholdWithRecall(scores, 1.0);

        Assert.Equal(0.91f, threshold);
    }

    [Fact]
    public void ShareAtOrAbove_ScoreEqualToTheThreshold_Counts()
    {
        float[] scores = [0.5f, 0.9f, 0.95f, 0.99f];

        double share = SimilarityStatistics.ShareAtOrAbove(scores, 0.95f);

        Assert.Equal(0.5, share);
    }

    [Fact]
    public void Percentile_NearestRank_OfTenScores()
    {
        float[] sorted = [.. Enumerable.Range(1, 10).Select(i => (float)i)];

        Assert.Equal((1f, 5f, 10f, 10f), (
            SimilarityStatistics.Percentile(sorted, 1),
            SimilarityStatistics.Percentile(sorted, 50),
            SimilarityStatistics.Percentile(sorted, 99),
            SimilarityStatistics.Percentile(sorted, 100)));
    }

    [Theory]
    [InlineData(0.9081f, 0.90)]
    [InlineData(0.8999f, 0.89)]
    // 0.95f is 0.9499999881: a score of exactly that float is below the setting 0.95, so 0.94 is the answer.
    [InlineData(0.95f, 0.94)]
    public void RoundDown_Threshold_GivesTwoDecimalsNeverAboveIt(float threshold, double expected)
    {
        double rounded = SimilarityStatistics.RoundDown(threshold);

        Assert.Equal(expected, rounded, 1e-9);
        Assert.True(rounded <= threshold, $"{rounded} is above {threshold}");
    }
}
