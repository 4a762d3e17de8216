namespace FashionListing.Web.Studies.Analysis;

/// <summary>
/// The Wilcoxon signed-rank test of the differences b - a, which asks whether they are centred on 0 without
/// assuming that they are normally distributed.
/// </summary>
/// <remarks>
/// Zero differences are dropped before ranking (Wilcoxon's own convention), so they neither count nor prevent the
/// exact p-value. R's wilcox.test drops them too but then always uses the normal approximation, so with zeros and
/// no ties the two p-values differ. Tied absolute differences get the average of their ranks. Two differences
/// count as tied, and a difference as zero, when they agree to one part in a billion, so that rounding in b - a
/// cannot split a tie.
/// </remarks>
public static class WilcoxonSignedRankTest
{
    /// <summary>Up to this many non-zero differences without ties, the p-value is exact.</summary>
    public const int MaxExactCount = 25;

    private const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Runs the test. With no non-zero differences (no pairs, or all equal) both rank sums are 0 and p is 1: the
    /// data give no sign of a difference.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or hold a value that is not finite.</exception>
    public static WilcoxonResult Run(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double[] all = Pairs.Differences(a, b);

        var nonZero = new List<double>(all.Length);
        for (int i = 0; i < all.Length; i++)
        {
            double scale = Math.Max(Math.Abs(a[i]), Math.Abs(b[i]));
            if (Math.Abs(all[i]) > RelativeTolerance * scale)
            {
                nonZero.Add(all[i]);
            }
        }

        int count = nonZero.Count;
        double[] differences = [.. nonZero.OrderBy(difference => Math.Abs(difference))];
        (double[] ranks, double tieCorrection) = AverageRanks(differences);

        double wPlus = 0.0;
        for (int i = 0; i < count; i++)
        {
            if (differences[i] > 0.0)
            {
                wPlus += ranks[i];
            }
        }

        double total = count * (count + 1) / 2.0;
        double wMinus = total - wPlus;

        if (count <= MaxExactCount && tieCorrection == 0.0)
        {
            return new WilcoxonResult(count, wPlus, wMinus, ExactPValue(count, (int)Math.Round(wPlus)), Exact: true);
        }

        return new WilcoxonResult(count, wPlus, wMinus, NormalPValue(count, wPlus, tieCorrection), Exact: false);
    }

    /// <summary>
    /// The exact two-sided p-value of a rank sum <paramref name="wPlus"/> among <paramref name="count"/> untied
    /// ranks: twice the smaller tail, at most 1.
    /// </summary>
    internal static double ExactPValue(int count, int wPlus)
    {
        double[] ways = RankSumCounts(count);
        double lower = 0.0;
        double upper = 0.0;
        for (int sum = 0; sum < ways.Length; sum++)
        {
            if (sum <= wPlus)
            {
                lower += ways[sum];
            }

            if (sum >= wPlus)
            {
                upper += ways[sum];
            }
        }

        double all = Math.Pow(2.0, count);

        return Math.Min(1.0, 2.0 * Math.Min(lower, upper) / all);
    }

    /// <summary>
    /// ways[s] = how many of the 2^count sign patterns of the ranks 1..count give the positive ranks the sum s,
    /// by dynamic programming over the ranks (each rank either joins a sum or does not).
    /// </summary>
    public static double[] RankSumCounts(int count)
    {
        int maxSum = count * (count + 1) / 2;
        var ways = new double[maxSum + 1];
        ways[0] = 1.0;
        for (int rank = 1; rank <= count; rank++)
        {
            // Downwards, so that each rank is used at most once per sum.
            for (int sum = rank * (rank + 1) / 2; sum >= rank; sum--)
            {
                ways[sum] += ways[sum - rank];
            }
        }

        return ways;
    }

    // z = (W+ - n(n + 1)/4 -+ 1/2) / sigma, sigma^2 = n(n + 1)(2n + 1)/24 - sum(t^3 - t)/48 over the tie groups;
    // the half moves W+ towards the mean (continuity) and never past it.
    private static double NormalPValue(int count, double wPlus, double tieCorrection)
    {
        double mean = count * (count + 1) / 4.0;
        double variance = (count * (count + 1.0) * ((2.0 * count) + 1.0) / 24.0) - (tieCorrection / 48.0);
        double distance = Math.Max(0.0, Math.Abs(wPlus - mean) - 0.5);
        double z = distance / Math.Sqrt(variance);

        return Math.Min(1.0, 2.0 * NormalDistribution.UpperTail(z));
    }

    // Ranks 1..n of the sorted absolute values, tied groups sharing their average rank; also sum(t^3 - t) over the
    // groups of t tied values, which is 0 exactly when nothing is tied.
    private static (double[] Ranks, double TieCorrection) AverageRanks(double[] sortedByMagnitude)
    {
        var ranks = new double[sortedByMagnitude.Length];
        double tieCorrection = 0.0;
        int start = 0;
        while (start < sortedByMagnitude.Length)
        {
            double first = Math.Abs(sortedByMagnitude[start]);
            int end = start + 1;
            while (end < sortedByMagnitude.Length
                && Math.Abs(sortedByMagnitude[end]) - first <= RelativeTolerance * Math.Abs(sortedByMagnitude[end]))
            {
                end++;
            }

            // Positions start..end-1 hold ranks start+1..end, whose average is (start + 1 + end) / 2.
            double average = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++)
            {
                ranks[i] = average;
            }

            double tied = end - start;
            tieCorrection += (tied * tied * tied) - tied;
            start = end;
        }

        return (ranks, tieCorrection);
    }
}
