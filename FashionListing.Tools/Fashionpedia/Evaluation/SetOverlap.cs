namespace FashionListing.Tools.Fashionpedia.Evaluation;

/// <summary>Agreement of two sets of attribute ids.</summary>
public static class SetOverlap
{
    /// <summary>
    /// Dice coefficient, equal to the F1 score of one set against the other: 2|A∩B| / (|A| + |B|). Two empty
    /// sets agree completely and score 1 (a garment with no attributes predicted as having none is right).
    /// Repeated ids count once.
    /// </summary>
    public static double Dice(IReadOnlyCollection<int> first, IReadOnlyCollection<int> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        HashSet<int> a = [.. first];
        HashSet<int> b = [.. second];
        if (a.Count + b.Count == 0)
        {
            return 1;
        }

        int common = a.Count(b.Contains);

        return 2.0 * common / (a.Count + b.Count);
    }
}
