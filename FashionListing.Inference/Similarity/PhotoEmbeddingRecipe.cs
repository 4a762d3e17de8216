namespace FashionListing.Inference.Similarity;

/// <summary>
/// How a whole photo becomes an embedding: the backbone's input size, which of its maps are pooled, and
/// whether the mirror image is folded in. Embeddings of different recipes are not comparable, so each has
/// its own <see cref="Version"/>, stored beside every vector.
/// </summary>
/// <param name="Version">A short stable name stored with each vector, e.g. "resnet18-gap-mirror-224".</param>
/// <param name="InputSize">Side of the square the whole photo is stretched to; a multiple of 32.</param>
/// <param name="AverageMirror">
/// Whether the photo and its left-right mirror image are both run and their pooled features averaged, so that
/// a mirrored copy of a photo gets the same embedding.
/// </param>
/// <param name="Grid">
/// 0 for the global average of the last stage alone; 2 or more adds the average of each cell of a
/// <c>Grid x Grid</c> split of that stage's map, which keeps where things are in the photo.
/// </param>
/// <param name="IncludeStage3">Whether the global average of the third stage (256 channels) is added.</param>
/// <param name="SquareRoot">
/// Whether every pooled value is replaced by its square root before normalisation, which damps the few
/// channels that fire strongly on any garment photo and so spreads unrelated photos further apart.
/// </param>
public sealed record PhotoEmbeddingRecipe(
    string Version,
    int InputSize,
    bool AverageMirror,
    int Grid,
    bool IncludeStage3,
    bool SquareRoot)
{
    /// <summary>
    /// The recipe the app uses, chosen by the <c>duplicates-tune</c> command on the clothing dataset (see
    /// docs/duplicates/report.md): of the recipes compared, the one that lets the fewest pairs of different
    /// photos through at the threshold that keeps 99 % of the edited copies. The global averages of the last
    /// two stages, square-rooted, of the photo and its mirror image: 768 values.
    /// </summary>
    public static PhotoEmbeddingRecipe Default { get; } = new(
        "resnet18-gap-stage3-mirror-sqrt-224",
        InputSize: 224,
        AverageMirror: true,
        Grid: 0,
        IncludeStage3: true,
        SquareRoot: true);

    /// <summary>The number of values of an embedding made with this recipe.</summary>
    public int Length => 512 + (IncludeStage3 ? 256 : 0) + (Grid * Grid * 512);

    /// <summary>Checks the recipe's values; an invalid recipe is a programming error.</summary>
    /// <exception cref="ArgumentException">A value is out of its range.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Version);
        if (InputSize < 32 || InputSize % 32 != 0)
        {
            throw new ArgumentException(
                $"The recipe's input size is {InputSize}; it must be a positive multiple of 32.", nameof(InputSize));
        }

        if (Grid is < 0 or 1 or > 4)
        {
            throw new ArgumentException($"The recipe's grid is {Grid}; it must be 0 (none) or 2 to 4.", nameof(Grid));
        }
    }
}
