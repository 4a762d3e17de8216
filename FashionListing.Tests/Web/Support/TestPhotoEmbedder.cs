using FashionListing.Inference.Similarity;
using SkiaSharp;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// An embedder for page and data tests that need no backbone: a photo's vector is its mean colour (red, green,
/// blue) as a unit vector, so two photos of one flat colour score 1 and pure red against pure blue scores 0.
/// It can be told to fail, as a broken model would.
/// </summary>
public sealed class TestPhotoEmbedder : IPhotoEmbedder
{
    public const string TestVersion = "test-mean-colour";

    private int _calls;

    public string Version => TestVersion;

    /// <summary>Whether <see cref="EmbedAsync"/> throws instead of embedding.</summary>
    public bool Fails { get; set; }

    /// <summary>How many photos it was asked to embed, failures included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public Task<PhotoEmbedding> EmbedAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Fails)
        {
            throw new InvalidOperationException("The test embedder was told to fail.");
        }

        using SKBitmap bitmap = SKBitmap.Decode(photo.Span)
            ?? throw new InvalidDataException("The test embedder could not decode the photo.");
        double[] sums = new double[3];
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor pixel = bitmap.GetPixel(x, y);
                sums[0] += pixel.Red;
                sums[1] += pixel.Green;
                sums[2] += pixel.Blue;
            }
        }

        float[] vector = [.. sums.Select(s => (float)s)];
        EmbeddingVectors.Normalise(vector);

        return Task.FromResult(new PhotoEmbedding(TestVersion, vector));
    }
}
