namespace FashionListing.Tools.Fashionpedia;

/// <summary>One annotated object of a photo: a row of train.csv.</summary>
/// <remarks>Equality compares the attribute ids element by element, so a sample read back from a file equals
/// the one written.</remarks>
/// <param name="ClassId">The Fashionpedia category id (0-45).</param>
/// <param name="AttributeIds">The Fashionpedia attribute ids (0-340 with gaps), in the file's order.</param>
/// <param name="EncodedPixels">The mask in <see cref="KaggleRle"/> encoding, in the photo's own size.</param>
public sealed record FashionpediaInstance(int ClassId, IReadOnlyList<int> AttributeIds, string EncodedPixels)
{
    /// <summary>The mask, row-major 0/1, for a photo of the given size.</summary>
    /// <exception cref="FormatException">The encoding does not fit a photo of that size.</exception>
    public byte[] DecodeMask(int height, int width) => KaggleRle.Decode(EncodedPixels, height, width);

    /// <inheritdoc/>
    public bool Equals(FashionpediaInstance? other) =>
        other is not null
        && ClassId == other.ClassId
        && string.Equals(EncodedPixels, other.EncodedPixels, StringComparison.Ordinal)
        && AttributeIds.SequenceEqual(other.AttributeIds);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        HashCode hash = new();
        hash.Add(ClassId);
        hash.Add(EncodedPixels, StringComparer.Ordinal);
        foreach (int id in AttributeIds)
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }
}
