using System.ComponentModel.DataAnnotations;

namespace FashionListing.Web.Moderation;

/// <summary>Settings of the "Moderation" section: when two photos count as near-identical.</summary>
public sealed class ModerationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Moderation";

    /// <summary>
    /// The default of <see cref="DuplicateSimilarity"/>, chosen by the <c>duplicates-tune</c> command (see
    /// docs/duplicates/report.md): the highest threshold that still finds 99 % of edited copies of the tuning
    /// photos, rounded down to 0.01.
    /// </summary>
    public const double DefaultDuplicateSimilarity = 0.95;

    /// <summary>
    /// The cosine similarity of two photos' embeddings at or above which they are listed as near-identical;
    /// higher lists fewer pairs and misses more edited copies.
    /// </summary>
    [Range(0.5, 1.0)]
    public double DuplicateSimilarity { get; set; } = DefaultDuplicateSimilarity;

    /// <summary>The most similar listings returned for one draft, the most similar first.</summary>
    [Range(1, 500)]
    public int MaxSimilarListings { get; set; } = 20;
}
