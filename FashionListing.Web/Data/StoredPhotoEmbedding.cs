namespace FashionListing.Web.Data;

/// <summary>
/// The embedding of one stored photo (see <c>PhotoEmbeddingIndex</c>), by which moderators find reused photos.
/// A photo may hold one per embedding version, so that a new version can be filled in beside the old one.
/// </summary>
public sealed class StoredPhotoEmbedding
{
    public Guid PhotoId { get; set; }

    /// <summary>The embedding recipe's version, e.g. "resnet18-gap-stage3-mirror-sqrt-224".</summary>
    public string Version { get; set; } = "";

    /// <summary>The unit-length vector as float32 values, little-endian (see <see cref="EmbeddingBlob"/>).</summary>
    public byte[] Vector { get; set; } = [];

    public DateTime ComputedUtc { get; set; }
}
