namespace FashionListing.Inference.Colour;

/// <summary>Settings of <see cref="DominantColourExtractor"/>; the defaults suit photos of one garment.</summary>
public sealed record DominantColourOptions
{
    /// <summary>At most this many garment pixels are clustered; larger masks are subsampled evenly.</summary>
    public int MaxSamples { get; init; } = 20_000;

    /// <summary>The most colours k-means looks for, 1 to 8, before similar ones are merged.</summary>
    public int MaxColours { get; init; } = 5;

    /// <summary>
    /// Clusters closer than this CIEDE2000 distance are merged into one colour. About 10 joins the
    /// lit and shaded sides of a plain fabric fold while keeping navy apart from black.
    /// </summary>
    public double MergeDistance { get; init; } = 10.0;

    /// <summary>Colours covering less of the garment than this fraction (0 to 1) are not reported.</summary>
    public double MinShare { get; init; } = 0.05;

    /// <summary>Seeds the k-means++ initialisation, so the same photo always gives the same colours.</summary>
    public int Seed { get; init; } = 20_251_204;

    /// <summary>Upper bound on k-means refinement rounds; it usually settles in fewer.</summary>
    public int MaxIterations { get; init; } = 20;
}
