namespace FashionListing.Tools.Fashionpedia;

/// <summary>One photo of the dataset with all its annotated objects, in the file's row order.</summary>
/// <remarks>Equality compares the instances element by element.</remarks>
/// <param name="ImageId">The photo's id: its file name without the extension.</param>
/// <param name="Height">The photo's height in pixels, the size its masks are encoded in.</param>
/// <param name="Width">The photo's width in pixels.</param>
/// <param name="Instances">The photo's objects.</param>
public sealed record FashionpediaSample(
    string ImageId,
    int Height,
    int Width,
    IReadOnlyList<FashionpediaInstance> Instances)
{
    /// <inheritdoc/>
    public bool Equals(FashionpediaSample? other) =>
        other is not null
        && string.Equals(ImageId, other.ImageId, StringComparison.Ordinal)
        && Height == other.Height
        && Width == other.Width
        && Instances.SequenceEqual(other.Instances);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ImageId, Height, Width, Instances.Count);
}
