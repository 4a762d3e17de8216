using FashionListing.Inference.Similarity;

namespace FashionListing.Tests.Similarity;

public sealed class EmbeddingVectorsTests
{
    [Fact]
    public void Cosine_TwoUnitVectors_IsTheirDotProduct()
    {
        // (1, 2, 2) / 3 and (2, 1, 2) / 3: dot product (2 + 2 + 4) / 9.
        float[] a = [1 / 3f, 2 / 3f, 2 / 3f];
        float[] b = [2 / 3f, 1 / 3f, 2 / 3f];

        float cosine = EmbeddingVectors.Cosine(a, b);

        Assert.Equal(8 / 9f, cosine, 1e-6f);
    }

    [Fact]
    public void Cosine_LengthNotAMultipleOfTheSimdWidth_CountsEveryValue()
    {
        // 19 values: the vectorised loop takes a multiple of the SIMD width, the tail loop the rest.
        float[] a = [.. Enumerable.Repeat(1f, 19)];
        float[] b = [.. Enumerable.Range(1, 19).Select(i => (float)i)];

        float cosine = EmbeddingVectors.Cosine(a, b);

        Assert.Equal(190f, cosine, 1e-4f);
    }

    [Fact]
    public void Cosine_DifferentLengths_Throws()
    {
        float[] a = [1f, 0f];
        float[] b = [1f, 0f, 0f];

        Assert.Throws<ArgumentException>(() => EmbeddingVectors.Cosine(a, b));
    }

    [Fact]
    public void Normalise_ThreeFour_GivesPointSixPointEight()
    {
        float[] values = [3f, 4f];

        EmbeddingVectors.Normalise(values);

        Assert.Equal([0.6f, 0.8f], values);
    }

    [Fact]
    public void Normalise_AllZeros_StaysZeroInsteadOfNaN()
    {
        float[] values = [0f, 0f, 0f];

        EmbeddingVectors.Normalise(values);

        Assert.Equal([0f, 0f, 0f], values);
    }
}
