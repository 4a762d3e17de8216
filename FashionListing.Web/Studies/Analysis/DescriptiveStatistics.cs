namespace FashionListing.Web.Studies.Analysis;

/// <summary>Mean, median, modes, standard deviation and 95 % confidence interval of a list of values.</summary>
public static class DescriptiveStatistics
{
    /// <summary>
    /// Summarises <paramref name="values"/>, taking the modes of the exact values. No values give a count of 0,
    /// NaN for every number and no modes; one value gives NaN for the standard deviation and the interval,
    /// which a single value cannot estimate.
    /// </summary>
    public static Summary Summarise(IReadOnlyList<double> values) => Summarise(values, modeDecimals: null);

    /// <summary>
    /// Summarises <paramref name="values"/>, taking the modes after rounding each value to
    /// <paramref name="modeDecimals"/> decimals (0 for whole seconds, halves away from zero), because measured
    /// times rarely repeat to the tick. Mean, median and standard deviation use the exact values.
    /// </summary>
    public static Summary Summarise(IReadOnlyList<double> values, int? modeDecimals)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (modeDecimals is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(
                nameof(modeDecimals),
                modeDecimals,
                $"Modes can be rounded to 0..15 decimals; {modeDecimals} were asked for.");
        }

        for (int i = 0; i < values.Count; i++)
        {
            Finite.Check(values[i], nameof(values), i);
        }

        int count = values.Count;
        if (count == 0)
        {
            return new Summary(0, double.NaN, double.NaN, [], double.NaN, double.NaN, double.NaN);
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        double mean = Mean(sorted);
        double median = count % 2 == 1
            ? sorted[count / 2]
            : 0.5 * (sorted[(count / 2) - 1] + sorted[count / 2]);
        IReadOnlyList<double> modes = Modes(sorted, modeDecimals);

        if (count == 1)
        {
            return new Summary(1, mean, median, modes, double.NaN, double.NaN, double.NaN);
        }

        double standardDeviation = StandardDeviation(sorted, mean);
        double halfWidth = StudentTDistribution.Quantile(0.975, count - 1) * standardDeviation / Math.Sqrt(count);

        return new Summary(count, mean, median, modes, standardDeviation, mean - halfWidth, mean + halfWidth);
    }

    /// <summary>The arithmetic mean; NaN for no values.</summary>
    internal static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        // The mean is corrected by the mean residual, which removes most of the rounding error of the first sum
        // when the values are large and close together (such as seconds since a start time).
        double sum = 0.0;
        foreach (double value in values)
        {
            sum += value;
        }

        double mean = sum / values.Count;
        double residual = 0.0;
        foreach (double value in values)
        {
            residual += value - mean;
        }

        return mean + (residual / values.Count);
    }

    /// <summary>The sample standard deviation (n - 1) about <paramref name="mean"/>; NaN for fewer than two.</summary>
    internal static double StandardDeviation(IReadOnlyList<double> values, double mean)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        // Two passes (squares of deviations from the mean) instead of sum of squares minus square of sum, which
        // cancels catastrophically when the spread is small against the values.
        double squares = 0.0;
        foreach (double value in values)
        {
            double deviation = value - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / (values.Count - 1));
    }

    private static double[] Modes(double[] sorted, int? modeDecimals)
    {
        double[] keys = modeDecimals is { } decimals
            ? [.. sorted.Select(value => Math.Round(value, decimals, MidpointRounding.AwayFromZero))]
            : sorted;

        // Rounding keeps the order, so equal keys stay next to each other and one pass counts every run.
        var modes = new List<double>();
        int best = 0;
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && keys[i] == keys[start])
            {
                continue;
            }

            int run = i - start;
            if (run > best)
            {
                best = run;
                modes.Clear();
            }

            if (run == best)
            {
                modes.Add(keys[start]);
            }

            start = i;
        }

        // Among two or more values that all differ, every value would be a mode; listing none says more.
        return best == 1 && keys.Length > 1 ? [] : [.. modes];
    }
}
