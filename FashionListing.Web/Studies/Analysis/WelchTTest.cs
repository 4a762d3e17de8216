namespace FashionListing.Web.Studies.Analysis;

/// <summary>Welch's t-test of two independent groups, which does not assume that their variances are equal.</summary>
public static class WelchTTest
{
    /// <summary>
    /// Tests whether mean(x) - mean(y) differs from 0 (the same sign as R's t.test(x, y)). With fewer than two
    /// values in either group every number but the mean difference is NaN, because a variance cannot be
    /// estimated; when both groups are constant the degrees of freedom and p are NaN too.
    /// </summary>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static WelchTTestResult Run(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        for (int i = 0; i < x.Count; i++)
        {
            Finite.Check(x[i], nameof(x), i);
        }

        for (int i = 0; i < y.Count; i++)
        {
            Finite.Check(y[i], nameof(y), i);
        }

        double meanX = DescriptiveStatistics.Mean(x);
        double meanY = DescriptiveStatistics.Mean(y);
        double difference = meanX - meanY;
        if (x.Count < 2 || y.Count < 2)
        {
            return new WelchTTestResult(difference, double.NaN, double.NaN, double.NaN);
        }

        double sdX = DescriptiveStatistics.StandardDeviation(x, meanX);
        double sdY = DescriptiveStatistics.StandardDeviation(y, meanY);
        double shareX = sdX * sdX / x.Count;
        double shareY = sdY * sdY / y.Count;
        double variance = shareX + shareY;
        double standardError = Math.Sqrt(variance);
        double t = difference / standardError;

        // Welch-Satterthwaite: the t distribution whose variance matches that of the combined estimate.
        double degreesOfFreedom = variance * variance
            / ((shareX * shareX / (x.Count - 1)) + (shareY * shareY / (y.Count - 1)));
        if (!(degreesOfFreedom > 0.0))
        {
            return new WelchTTestResult(difference, t, double.NaN, double.NaN);
        }

        double p = StudentTDistribution.TwoSidedPValue(t, degreesOfFreedom);
        double halfWidth = StudentTDistribution.Quantile(0.975, degreesOfFreedom) * standardError;

        return new WelchTTestResult(difference, t, degreesOfFreedom, p)
        {
            ConfidenceLow = difference - halfWidth,
            ConfidenceHigh = difference + halfWidth,
        };
    }
}
