namespace FashionListing.Inference.Classification;

/// <summary>A garment label with the head's probability for it.</summary>
/// <param name="Label">The label, e.g. "Longsleeve".</param>
/// <param name="Probability">Its probability, 0 to 1.</param>
public sealed record LabelProbability(string Label, float Probability);

/// <summary>The category head's probabilities for one garment, one per label.</summary>
/// <param name="Labels">The head's labels, in the order of its outputs.</param>
/// <param name="Probabilities">The probability of each label; they sum to 1.</param>
public sealed record CategoryPrediction(IReadOnlyList<string> Labels, IReadOnlyList<float> Probabilities)
{
    /// <summary>The <paramref name="count"/> most probable labels, most probable first.</summary>
    /// <param name="count">How many to return; at most the number of labels are returned.</param>
    /// <remarks>Equal probabilities keep the labels' own order.</remarks>
    public IReadOnlyList<LabelProbability> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        return Enumerable.Range(0, Labels.Count)
            .OrderByDescending(i => Probabilities[i])
            .ThenBy(i => i)
            .Take(count)
            .Select(i => new LabelProbability(Labels[i], Probabilities[i]))
            .ToArray();
    }
}
