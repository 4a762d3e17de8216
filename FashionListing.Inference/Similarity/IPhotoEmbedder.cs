namespace FashionListing.Inference.Similarity;

/// <summary>
/// Computes the embedding by which near-identical photos are found: a reused or stolen photo, even cropped,
/// re-encoded, resized, slightly rotated or mirrored, lies close to the original.
/// </summary>
/// <remarks>Implementations are singletons shared by every request and are safe to call concurrently.</remarks>
public interface IPhotoEmbedder
{
    /// <summary>The version stored with every embedding this embedder makes.</summary>
    string Version { get; }

    /// <summary>Decodes an encoded photo (the stored, cleaned JPEG) and computes its embedding.</summary>
    /// <param name="photo">The photo's bytes: JPEG, PNG or WebP, already upright.</param>
    /// <param name="cancellationToken">Cancels the work before the backbone runs.</param>
    /// <exception cref="InvalidDataException">The bytes are not a photo that can be decoded.</exception>
    Task<PhotoEmbedding> EmbedAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken);
}
