using System.Diagnostics;
using System.Globalization;
using FashionListing.Inference.Pipeline;

namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>
/// Runs the app's <see cref="IListingSuggester"/> on photo files in batches, several photos at once, and turns
/// each outcome into a small result at once, so that the masks of a whole split are never held together.
/// </summary>
internal static class SuggestionBatches
{
    /// <summary>Photos per batch by default; progress is written after each batch.</summary>
    public const int DefaultBatchSize = 16;

    /// <summary>Photos analysed at the same time by default.</summary>
    public static int DefaultParallelism => Math.Max(1, Environment.ProcessorCount);

    /// <summary>The results in the order of <paramref name="items"/>.</summary>
    public static async Task<TResult[]> RunAsync<TItem, TResult>(
        IListingSuggester suggester,
        IReadOnlyList<TItem> items,
        Func<TItem, string> photoPath,
        Func<TItem, SuggestionOutcome, TResult> convert,
        int batchSize,
        int parallelism,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggester);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        TResult[] results = new TResult[items.Count];
        ParallelOptions parallel = new()
        {
            MaxDegreeOfParallelism = parallelism,
            CancellationToken = cancellationToken,
        };
        long started = Stopwatch.GetTimestamp();
        for (int first = 0; first < items.Count; first += batchSize)
        {
            int count = Math.Min(batchSize, items.Count - first);
            await Parallel.ForEachAsync(Enumerable.Range(first, count), parallel, async (i, token) =>
            {
                byte[] photo = await File.ReadAllBytesAsync(photoPath(items[i]), token).ConfigureAwait(false);
                SuggestionOutcome outcome = await suggester.SuggestAsync(photo, token).ConfigureAwait(false);
                results[i] = convert(items[i], outcome);
            }).ConfigureAwait(false);

            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{first + count}/{items.Count} photos, {seconds:F0} s ({(first + count) / seconds:F1} photos/s)"));
        }

        return results;
    }
}
