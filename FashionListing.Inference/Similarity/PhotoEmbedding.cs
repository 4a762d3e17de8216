namespace FashionListing.Inference.Similarity;

/// <summary>The embedding of one whole photo: a unit-length vector and the recipe version that made it.</summary>
/// <param name="Version">The <see cref="PhotoEmbeddingRecipe.Version"/> of the recipe that made it.</param>
/// <param name="Vector">The values, L2-normalised, so that a dot product of two of them is their cosine.</param>
public sealed record PhotoEmbedding(string Version, float[] Vector);
