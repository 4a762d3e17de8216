using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

/// <summary>
/// Exact p-values are checked against counts of sign patterns done by hand or, for eight ranks, by the enumeration
/// of all 2^8 patterns in Reference/reference_values.py; approximate ones against R and the same script.
/// </summary>
public sealed class WilcoxonSignedRankTestTests
{
    [Fact]
    public void Run_FiveIncreases_GivesTheExactPValueOfOneIn32TwoSided()
    {
        // Ranks 1..5 all positive: W+ = 15, the largest sum, reached by 1 of the 32 sign patterns, so the
        // two-sided p is 2 / 32 = 0.0625 (R: wilcox.test(c(1, 2, 3, 4, 5)) gives V = 15, p-value = 0.0625).
        WilcoxonResult result = WilcoxonSignedRankTest.Run([0, 0, 0, 0, 0], [1, 2, 3, 4, 5]);

        Assert.Equal(5, result.Count);
        Assert.Equal(15.0, result.WPlus);
        Assert.Equal(0.0, result.WMinus);
        Assert.True(result.Exact);
        Assert.Equal(0.0625, result.PValue, 1e-15);
    }

    [Fact]
    public void Run_EightMixedDifferences_MatchesTheEnumeration()
    {
        // Differences 1.5, -0.5, 3, 4.5, -2.5, 6, 7.5, 9 have ranks 2, 1, 4, 5, 3, 6, 7, 8: W- = 1 + 3 = 4,
        // W+ = 36 - 4 = 32. Sums <= 4 of ranks 1..8: {}, {1}, {2}, {3}, {4}, {1,2}, {1,3}: 7 of 256,
        // so p = 2 * 7 / 256 = 7 / 128 = 0.0546875.
        double[] before = [10, 10, 10, 10, 10, 10, 10, 10];
        double[] after = [11.5, 9.5, 13, 14.5, 7.5, 16, 17.5, 19];

        WilcoxonResult result = WilcoxonSignedRankTest.Run(before, after);

        Assert.Equal(8, result.Count);
        Assert.Equal(32.0, result.WPlus);
        Assert.Equal(4.0, result.WMinus);
        Assert.True(result.Exact);
        Assert.Equal(7.0 / 128.0, result.PValue, 1e-15);
    }

    [Fact]
    public void Run_ZerosWithoutTies_DropsTheZerosAndStaysExact()
    {
        // Differences 0, 2, -1, 0, 5, 7, 3, 4: the zeros go, leaving six; |d| 1, 2, 3, 4, 5, 7 take ranks 1..6 and
        // only the -1 is negative: W- = 1, W+ = 21 - 1 = 20. By symmetry as many of the 64 patterns reach >= 20 as
        // reach <= 1, namely {} and {1}: p = 2 * 2 / 64 = 0.0625
        // (R would switch to the normal approximation here because of the zeros).
        double[] before = [3, 3, 3, 3, 3, 3, 3, 3];
        double[] after = [3, 5, 2, 3, 8, 10, 6, 7];

        WilcoxonResult result = WilcoxonSignedRankTest.Run(before, after);

        Assert.Equal(6, result.Count);
        Assert.Equal(20.0, result.WPlus);
        Assert.Equal(1.0, result.WMinus);
        Assert.True(result.Exact);
        Assert.Equal(0.0625, result.PValue, 1e-15);
    }

    [Fact]
    public void Run_TiesAndZeros_UsesTheCorrectedNormalApproximation()
    {
        // Differences 0, 1, -1, 2, 2, 3, -3, 0, 4, 5 -> eight non-zero; |d| 1, 1, 2, 2, 3, 3, 4, 5 get ranks
        // 1.5, 1.5, 3.5, 3.5, 5.5, 5.5, 7, 8. W- = 1.5 + 5.5 = 7, W+ = 36 - 7 = 29. Mean 18,
        // variance 8 * 9 * 17 / 24 - 3 * 6 / 48 = 51 - 0.375 = 50.625; z = (11 - 0.5) / sqrt(50.625) = 1.4757295747;
        // p = 0.140016503197169 (Reference/reference_values.py).
        double[] before = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        double[] after = [0, 1, -1, 2, 2, 3, -3, 0, 4, 5];

        WilcoxonResult result = WilcoxonSignedRankTest.Run(before, after);

        Assert.Equal(8, result.Count);
        Assert.Equal(29.0, result.WPlus);
        Assert.Equal(7.0, result.WMinus);
        Assert.False(result.Exact);
        Assert.Equal(0.140016503197169, result.PValue, 1e-14);
    }

    [Fact]
    public void Run_SleepData_MatchesRsWilcoxTest()
    {
        // R: wilcox.test(extra ~ group, data = sleep, paired = TRUE) gives V = 0, p-value = 0.009091 (with a warning
        // about ties and zeros). Drug 2 - drug 1 puts every non-zero difference on the positive side: W+ = 45;
        // one zero, and one tie (two differences of 1.3).
        double[] drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
        double[] drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

        WilcoxonResult result = WilcoxonSignedRankTest.Run(drug1, drug2);

        Assert.Equal(9, result.Count);
        Assert.Equal(45.0, result.WPlus);
        Assert.Equal(0.0, result.WMinus);
        Assert.False(result.Exact);
        Assert.Equal(0.00909069801592506, result.PValue, 1e-15);
    }

    [Fact]
    public void Run_DifferencesEqualButForRounding_CountAsTied()
    {
        // 0.3 - 0.1 = 0.19999999999999998 and 0.9 - 0.7 = 0.20000000000000007 in doubles; both are 0.2, so they share
        // rank 1.5 and the tie forces the approximation.
        WilcoxonResult result = WilcoxonSignedRankTest.Run([0.1, 0.7, 0.0], [0.3, 0.9, 1.0]);

        Assert.False(result.Exact);
        Assert.Equal(6.0, result.WPlus);
    }

    [Fact]
    public void Run_AllDifferencesZero_HasNothingToRankAndPOne()
    {
        WilcoxonResult result = WilcoxonSignedRankTest.Run([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]);

        Assert.Equal(0, result.Count);
        Assert.Equal(0.0, result.WPlus);
        Assert.Equal(0.0, result.WMinus);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Run_NoPairs_HasNothingToRankAndPOne()
    {
        WilcoxonResult result = WilcoxonSignedRankTest.Run([], []);

        Assert.Equal(0, result.Count);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Run_TwentySixUntiedDifferences_SwitchesToTheApproximation()
    {
        // 1..26 all positive: W+ = 351, mean 175.5, variance 26 * 27 * 53 / 24 = 1550.25, SD 39.373214...;
        // z = (175.5 - 0.5) / sqrt(1550.25) = 4.4446...; two-sided p = 2 * (1 - Phi(z)).
        double[] before = new double[26];
        double[] after = [.. Enumerable.Range(1, 26).Select(i => (double)i)];

        WilcoxonResult result = WilcoxonSignedRankTest.Run(before, after);

        double z = 175.0 / Math.Sqrt(1550.25);
        Assert.False(result.Exact);
        Assert.Equal(351.0, result.WPlus);
        Assert.Equal(2.0 * NormalDistribution.UpperTail(z), result.PValue, 1e-18);
    }

    [Fact]
    public void RankSumCounts_FourRanks_CountsEverySubsetSum()
    {
        // Subsets of {1, 2, 3, 4} by sum: 0:{} 1:{1} 2:{2} 3:{3},{1,2} 4:{4},{1,3} 5:{1,4},{2,3} 6:{2,4},{1,2,3}
        // 7:{3,4},{1,2,4} 8:{1,3,4} 9:{2,3,4} 10:{1,2,3,4}.
        double[] ways = WilcoxonSignedRankTest.RankSumCounts(4);

        Assert.Equal([1.0, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1], ways);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12)]
    public void RankSumCounts_SmallCounts_MatchEnumeratingEverySignPattern(int count)
    {
        // Bit r of the mask says whether rank r + 1 is positive.
        var expected = new double[(count * (count + 1) / 2) + 1];
        for (int mask = 0; mask < 1 << count; mask++)
        {
            int sum = 0;
            for (int rank = 1; rank <= count; rank++)
            {
                sum += (mask >> (rank - 1) & 1) * rank;
            }

            expected[sum]++;
        }

        double[] ways = WilcoxonSignedRankTest.RankSumCounts(count);

        Assert.Equal(expected, ways);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(29)]
    public void Run_RandomUntiedDifferences_ExactPMatchesEnumeration(int seed)
    {
        // Ten distinct magnitudes 1..10 with random signs; the p-value is recounted here over all 1024 patterns.
        var random = new Random(seed);
        double[] differences = [.. Enumerable.Range(1, 10).Select(m => random.Next(2) == 0 ? -m : (double)m)];
        double wPlus = differences.Where(d => d > 0).Sum();
        int atMost = 0;
        int atLeast = 0;
        for (int mask = 0; mask < 1024; mask++)
        {
            int sum = Enumerable.Range(1, 10).Where(rank => (mask >> (rank - 1) & 1) == 1).Sum();
            atMost += sum <= wPlus ? 1 : 0;
            atLeast += sum >= wPlus ? 1 : 0;
        }

        double expected = Math.Min(1.0, 2.0 * Math.Min(atMost, atLeast) / 1024.0);

        WilcoxonResult result = WilcoxonSignedRankTest.Run(new double[10], differences);

        Assert.True(result.Exact);
        Assert.Equal(wPlus, result.WPlus);
        Assert.Equal(expected, result.PValue, 1e-15);
    }

    [Fact]
    public void RankSumCounts_TwentyFiveRanks_AddUpToEveryPattern()
    {
        double[] ways = WilcoxonSignedRankTest.RankSumCounts(25);

        Assert.Equal(Math.Pow(2.0, 25), ways.Sum());
        Assert.Equal(ways[0], ways[^1]);
    }
}
