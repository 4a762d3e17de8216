using System.Numerics;

namespace FashionListing.Inference.Similarity;

/// <summary>Vector arithmetic for embeddings: normalisation and the cosine of unit vectors.</summary>
public static class EmbeddingVectors
{
    /// <summary>
    /// The cosine similarity of two unit-length vectors, which is their dot product: 1 for the same direction,
    /// 0 for orthogonal ones.
    /// </summary>
    /// <exception cref="ArgumentException">The vectors differ in length.</exception>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The vectors have {a.Length} and {b.Length} values; they must match.");
        }

        int width = Vector<float>.Count;
        Vector<float> sums = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sums += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float dot = Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    /// <summary>Scales the values in place to unit Euclidean length; an all-zero vector is left as it is.</summary>
    public static void Normalise(Span<float> values)
    {
        double sum = 0;
        foreach (float value in values)
        {
            sum += (double)value * value;
        }

        // An all-black photo can pool to zeros; dividing would make NaNs that poison every comparison.
        if (sum <= 0)
        {
            return;
        }

        float scale = (float)(1 / Math.Sqrt(sum));
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }
    }
}
