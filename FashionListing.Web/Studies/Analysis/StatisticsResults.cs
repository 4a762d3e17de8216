namespace FashionListing.Web.Studies.Analysis;

/// <summary>
/// Descriptive statistics of one list of values. Quantities that the values cannot define are
/// <see cref="double.NaN"/>: the mean and median of no values, the standard deviation and the confidence
/// interval of fewer than two.
/// </summary>
/// <param name="Count">How many values there are.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="Median">The middle value, or the mean of the two middle values when the count is even.</param>
/// <param name="Modes">
/// Every value that occurs most often, in ascending order; empty when no value occurs more than once among two or
/// more values, because then no value is more typical than another.
/// </param>
/// <param name="StandardDeviation">The sample standard deviation (divided by n - 1).</param>
/// <param name="ConfidenceLow">The lower end of the 95 % confidence interval of the mean (Student t).</param>
/// <param name="ConfidenceHigh">The upper end of the 95 % confidence interval of the mean (Student t).</param>
public sealed record Summary(
    int Count,
    double Mean,
    double Median,
    IReadOnlyList<double> Modes,
    double StandardDeviation,
    double ConfidenceLow,
    double ConfidenceHigh);

/// <summary>A paired Student t-test of second-minus-first differences.</summary>
/// <param name="Count">How many pairs there are.</param>
/// <param name="MeanDifference">The mean of the differences (second list minus first).</param>
/// <param name="StandardDeviation">The sample standard deviation of the differences.</param>
/// <param name="T">The t statistic: the mean difference over its standard error.</param>
/// <param name="DegreesOfFreedom">Count - 1 (0 when there are no pairs).</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="ConfidenceLow">The lower end of the 95 % confidence interval of the mean difference.</param>
/// <param name="ConfidenceHigh">The upper end of the 95 % confidence interval of the mean difference.</param>
public sealed record PairedTTestResult(
    int Count,
    double MeanDifference,
    double StandardDeviation,
    double T,
    int DegreesOfFreedom,
    double PValue,
    double ConfidenceLow,
    double ConfidenceHigh);

/// <summary>A Wilcoxon signed-rank test of second-minus-first differences.</summary>
/// <param name="Count">How many differences are not zero; zero differences are dropped before ranking.</param>
/// <param name="WPlus">The sum of the ranks of the positive differences.</param>
/// <param name="WMinus">The sum of the ranks of the negative differences.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="Exact">
/// True when the p-value comes from the exact distribution of the rank sum; false when it comes from the normal
/// approximation with the corrections for ties and for continuity.
/// </param>
public sealed record WilcoxonResult(int Count, double WPlus, double WMinus, double PValue, bool Exact);

/// <summary>A Welch t-test of two independent groups that need not have equal variances.</summary>
/// <param name="MeanDifference">The mean of the first group minus the mean of the second.</param>
/// <param name="T">The t statistic.</param>
/// <param name="DegreesOfFreedom">The Welch-Satterthwaite degrees of freedom; usually not a whole number.</param>
/// <param name="PValue">The two-sided p-value.</param>
public sealed record WelchTTestResult(double MeanDifference, double T, double DegreesOfFreedom, double PValue)
{
    /// <summary>The lower end of the 95 % confidence interval of the mean difference.</summary>
    public double ConfidenceLow { get; init; } = double.NaN;

    /// <summary>The upper end of the 95 % confidence interval of the mean difference.</summary>
    public double ConfidenceHigh { get; init; } = double.NaN;
}

/// <summary>
/// Whether the order of the tasks changed the result: the B - A differences in seconds of the participants who
/// made A first against those who made B first, compared with a Welch t-test (A-first minus B-first).
/// </summary>
public sealed record OrderEffect(Summary AFirstDifferences, Summary BFirstDifferences, WelchTTestResult Test);
