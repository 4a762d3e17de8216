using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Duplicates;

/// <summary>How two different photos of a negative pair are related, hardest first.</summary>
public enum NegativePairKind
{
    /// <summary>Same sender and same label: the same room, light and kind of garment.</summary>
    SameSenderSameLabel,

    /// <summary>Same sender, another label.</summary>
    SameSender,

    /// <summary>Another sender, same label.</summary>
    SameLabel,

    /// <summary>Another sender and another label.</summary>
    Unrelated,
}

/// <summary>A negative pair: two different photos of a part and their similarity.</summary>
/// <param name="First">Index of the first photo in the part.</param>
/// <param name="Second">Index of the second photo.</param>
/// <param name="Kind">How the photos are related.</param>
/// <param name="Score">Their cosine similarity.</param>
public sealed record NegativePair(int First, int Second, NegativePairKind Kind, float Score);

/// <summary>
/// The scores of one recipe on one part of the data: for each edit the similarities of photo and edited copy,
/// and every pair of different photos.
/// </summary>
/// <param name="Photos">The photos of the part that were embedded.</param>
/// <param name="PositivesByEdit">For each of <see cref="PhotoEdit.Standard"/>, one score per edited photo.</param>
/// <param name="Negatives">Every pair of different photos.</param>
public sealed record PartScores(
    IReadOnlyList<LabelledPhoto> Photos,
    IReadOnlyList<float[]> PositivesByEdit,
    IReadOnlyList<NegativePair> Negatives)
{
    /// <summary>All positive scores, every edit together.</summary>
    public IReadOnlyList<float> AllPositives => [.. PositivesByEdit.SelectMany(s => s)];

    /// <summary>All negative scores.</summary>
    public IReadOnlyList<float> AllNegatives => [.. Negatives.Select(n => n.Score)];

    /// <summary>Negative scores of one kind of pair.</summary>
    public IReadOnlyList<float> NegativesOf(NegativePairKind kind) =>
        [.. Negatives.Where(n => n.Kind == kind).Select(n => n.Score)];

    /// <summary>How two photos of the part are related.</summary>
    public static NegativePairKind KindOf(LabelledPhoto a, LabelledPhoto b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        bool sender = string.Equals(a.SenderId, b.SenderId, StringComparison.Ordinal);
        bool label = string.Equals(a.Label, b.Label, StringComparison.Ordinal);

        return (sender, label) switch
        {
            (true, true) => NegativePairKind.SameSenderSameLabel,
            (true, false) => NegativePairKind.SameSender,
            (false, true) => NegativePairKind.SameLabel,
            _ => NegativePairKind.Unrelated,
        };
    }
}
