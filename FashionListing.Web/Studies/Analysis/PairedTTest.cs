namespace FashionListing.Web.Studies.Analysis;

/// <summary>The paired Student t-test of the differences b - a.</summary>
public static class PairedTTest
{
    /// <summary>
    /// Tests whether the mean of b[i] - a[i] differs from 0. With fewer than two pairs the standard deviation, T,
    /// p and the interval are NaN. When every difference is the same the standard deviation is 0: T and p are NaN
    /// when the differences are all zero (there is nothing to test), and T is infinite with p = 0 otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or hold a value that is not finite.</exception>
    public static PairedTTestResult Run(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double[] differences = Pairs.Differences(a, b);
        int count = differences.Length;
        if (count == 0)
        {
            return new PairedTTestResult(0, double.NaN, double.NaN, double.NaN, 0, double.NaN, double.NaN, double.NaN);
        }

        double mean = DescriptiveStatistics.Mean(differences);
        int degreesOfFreedom = count - 1;
        if (count == 1)
        {
            return new PairedTTestResult(1, mean, double.NaN, double.NaN, 0, double.NaN, double.NaN, double.NaN);
        }

        double standardDeviation = DescriptiveStatistics.StandardDeviation(differences, mean);
        double standardError = standardDeviation / Math.Sqrt(count);
        double t = mean / standardError;
        double p = StudentTDistribution.TwoSidedPValue(t, degreesOfFreedom);
        double halfWidth = StudentTDistribution.Quantile(0.975, degreesOfFreedom) * standardError;

        return new PairedTTestResult(
            count,
            mean,
            standardDeviation,
            t,
            degreesOfFreedom,
            p,
            mean - halfWidth,
            mean + halfWidth);
    }
}

/// <summary>Checks two lists of paired values and forms their differences.</summary>
internal static class Pairs
{
    /// <summary>b[i] - a[i] for every i.</summary>
    public static double[] Differences(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException(
                $"Paired lists must be equally long; the first has {a.Count} values and the second {b.Count}.",
                nameof(b));
        }

        var differences = new double[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            Finite.Check(a[i], nameof(a), i);
            Finite.Check(b[i], nameof(b), i);
            differences[i] = b[i] - a[i];
        }

        return differences;
    }
}

/// <summary>The one check every statistic makes on its input values.</summary>
internal static class Finite
{
    /// <summary>Throws when <paramref name="value"/>, element <paramref name="index"/>, is NaN or infinite.</summary>
    public static void Check(double value, string parameterName, int index)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(
                $"{parameterName}[{index}] is {value}; every value must be a finite number.",
                parameterName);
        }
    }
}
