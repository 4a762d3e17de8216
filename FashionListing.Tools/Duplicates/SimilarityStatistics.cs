namespace FashionListing.Tools.Duplicates;

/// <summary>Counting over similarity scores: shares above a threshold, percentiles, the recall rule.</summary>
public static class SimilarityStatistics
{
    /// <summary>
    /// The highest threshold at which at least <paramref name="recall"/> of the scores are at or above it: with
    /// n scores sorted upwards and k = floor((1 - recall) * n) misses allowed, the (k + 1)-th smallest score.
    /// </summary>
    /// <param name="positives">Scores of pairs that must be found.</param>
    /// <param name="recall">The share to keep, above 0 and at most 1.</param>
    /// <exception cref="ArgumentException">No scores, or the recall is out of range.</exception>
    public static float HighestThresholdWithRecall(IReadOnlyCollection<float> positives, double recall)
    {
        ArgumentNullException.ThrowIfNull(positives);
        if (positives.Count == 0)
        {
            throw new ArgumentException("No positive scores were given, so no threshold can be chosen.");
        }

        if (recall is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recall), recall, "The recall must be above 0 and at most 1.");
        }

        float[] sorted = [.. positives.Order()];

        // The small epsilon keeps 0.99 * 300 from coming out as 2.9999999 misses, i.e. 2.
        int misses = (int)Math.Floor(((1 - recall) * sorted.Length) + 1e-9);

        return sorted[misses];
    }

    /// <summary>The share of scores at or above the threshold; 0 for no scores.</summary>
    public static double ShareAtOrAbove(IReadOnlyCollection<float> scores, float threshold)
    {
        ArgumentNullException.ThrowIfNull(scores);

        return scores.Count == 0 ? 0 : (double)scores.Count(s => s >= threshold) / scores.Count;
    }

    /// <summary>The nearest-rank percentile (0 to 100) of scores sorted upwards.</summary>
    /// <exception cref="ArgumentException">No scores.</exception>
    public static float Percentile(IReadOnlyList<float> sorted, double percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No scores were given.", nameof(sorted));
        }

        int rank = (int)Math.Ceiling(percent / 100 * sorted.Count);

        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>The threshold rounded down to two decimals, so that rounding never loses a found pair.</summary>
    public static double RoundDown(float threshold)
    {
        double rounded = Math.Floor(threshold * 100.0) / 100.0;

        // 0.29f is 0.2899999..., whose hundredfold can still floor to 29; step down so the score stays above.
        return rounded > threshold ? rounded - 0.01 : rounded;
    }
}
