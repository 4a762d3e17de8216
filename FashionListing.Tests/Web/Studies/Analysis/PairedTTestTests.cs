using FashionListing.Web.Studies.Analysis;

namespace FashionListing.Tests.Web.Studies.Analysis;

public sealed class PairedTTestTests
{
    // R's sleep data: extra hours of sleep of ten patients under drug 1 and under drug 2.
    private static readonly double[] s_drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] s_drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Run_SleepData_MatchesRsTTest()
    {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) prints t = -4.0621, df = 9, p-value = 0.002833,
        // CI -2.4598858 -0.7001142, mean difference -1.58 for drug 1 - drug 2; this test takes drug 2 - drug 1, so
        // the signs flip. More digits: Reference/reference_values.py (mpmath).
        PairedTTestResult result = PairedTTest.Run(s_drug1, s_drug2);

        Assert.Equal(10, result.Count);
        Assert.Equal(1.58, result.MeanDifference, 1e-13);
        Assert.Equal(1.22999548327987, result.StandardDeviation, 1e-13);
        Assert.Equal(4.06212768338204, result.T, 1e-12);
        Assert.Equal(9, result.DegreesOfFreedom);
        Assert.Equal(0.00283289019738427, result.PValue, 1e-15);
        Assert.Equal(0.700114236723017, result.ConfidenceLow, 1e-12);
        Assert.Equal(2.45988576327698, result.ConfidenceHigh, 1e-12);
    }

    [Fact]
    public void Run_FourPairs_MatchesAHandCalculation()
    {
        // Differences 2, 4, 4, 6: mean 4, deviations -2, 0, 0, 2, variance 8 / 3, SD 1.6329931618554521;
        // standard error SD / 2 = 0.816496580927726, t = 4 / 0.8164965809 = 4.898979485566356 = 2 sqrt(6).
        double[] a = [10, 20, 30, 40];
        double[] b = [12, 24, 34, 46];

        PairedTTestResult result = PairedTTest.Run(a, b);

        Assert.Equal(4.0, result.MeanDifference, 1e-14);
        Assert.Equal(Math.Sqrt(8.0 / 3.0), result.StandardDeviation, 1e-14);
        Assert.Equal(2.0 * Math.Sqrt(6.0), result.T, 1e-13);
        Assert.Equal(3, result.DegreesOfFreedom);

        // p = 2 * P(T3 > 2 sqrt 6); with 3 degrees of freedom P(T3 <= t) = 1/2 + (atan(u) + u / (1 + u^2)) / pi
        // for u = t / sqrt 3, so u = 2 sqrt 2, atan(u) = 1.2309594173407747, u / (1 + u^2) = 2 sqrt 2 / 9.
        double u = 2.0 * Math.Sqrt(2.0);
        double expectedP = 1.0 - (2.0 * (Math.Atan(u) + (u / 9.0)) / Math.PI);
        Assert.Equal(expectedP, result.PValue, 1e-14);
    }

    [Fact]
    public void Run_NoPairs_ReturnsNaN()
    {
        PairedTTestResult result = PairedTTest.Run([], []);

        Assert.Equal(0, result.Count);
        Assert.Equal(0, result.DegreesOfFreedom);
        Assert.True(double.IsNaN(result.MeanDifference));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void Run_OnePair_HasAMeanButNoTest()
    {
        PairedTTestResult result = PairedTTest.Run([10.0], [13.0]);

        Assert.Equal(1, result.Count);
        Assert.Equal(3.0, result.MeanDifference);
        Assert.True(double.IsNaN(result.StandardDeviation));
        Assert.True(double.IsNaN(result.T));
        Assert.True(double.IsNaN(result.PValue));
        Assert.True(double.IsNaN(result.ConfidenceLow));
    }

    [Fact]
    public void Run_AllDifferencesZero_HasNoTestStatistic()
    {
        PairedTTestResult result = PairedTTest.Run([5.0, 6.0, 7.0], [5.0, 6.0, 7.0]);

        Assert.Equal(0.0, result.MeanDifference);
        Assert.Equal(0.0, result.StandardDeviation);
        Assert.True(double.IsNaN(result.T));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void Run_SameNonZeroDifferenceEverywhere_IsInfinitelySignificant()
    {
        PairedTTestResult result = PairedTTest.Run([5.0, 6.0, 7.0], [7.0, 8.0, 9.0]);

        Assert.Equal(double.PositiveInfinity, result.T);
        Assert.Equal(0.0, result.PValue);
        Assert.Equal(2.0, result.ConfidenceLow, 1e-14);
        Assert.Equal(2.0, result.ConfidenceHigh, 1e-14);
    }

    [Fact]
    public void Run_ListsOfDifferentLength_ThrowsWithBothLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => PairedTTest.Run([1.0, 2.0], [1.0]));

        Assert.Contains("the first has 2 values and the second 1", error.Message, StringComparison.Ordinal);
    }
}
