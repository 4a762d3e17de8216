namespace FashionListing.Tools.Benchmarks;

/// <summary>The summaries the benchmark verbs report for a list of timings.</summary>
internal static class BenchmarkStatistics
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;

        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The smallest value that at least 95 % of the values do not exceed (nearest rank).</summary>
    public static double Percentile95(IReadOnlyCollection<double> values)
    {
        double[] sorted = [.. values.Order()];

        return sorted[Math.Clamp((int)Math.Ceiling(0.95 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
