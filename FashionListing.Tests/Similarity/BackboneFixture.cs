using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Similarity;
using FashionListing.Tests.Runtime;
using FashionListing.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace FashionListing.Tests.Similarity;

/// <summary>
/// One backbone (CPU) and embedder for a test class, loaded once and disposed after the class's last test, and the
/// app's cleaning of an upload, so that tests store what the app would store.
/// </summary>
public sealed class BackboneFixture : IDisposable
{
    private readonly PhotoDecoder _decoder = new(Options.Create(new PhotoLimits()), NullLogger<PhotoDecoder>.Instance);

    public BackboneFixture()
    {
        Backbone = ResNet18BackboneTests.CreateBackbone();
        Embedder = new PhotoEmbedder(Backbone);
    }

    public ResNet18Backbone Backbone { get; }

    public PhotoEmbedder Embedder { get; }

    /// <summary>The cleaned JPEG the app stores for an upload of these bytes.</summary>
    public byte[] Clean(byte[] upload)
    {
        Assert.True(_decoder.TryDecode(upload, out DecodedPhoto? decoded, out PhotoRejected? rejection),
            $"The test photo was rejected: {rejection?.Message}");
        using (decoded)
        {
            return PhotoEncoder.Encode(decoded).Jpeg;
        }
    }

    /// <summary>The cleaned JPEG of a photo of the shared clothing dataset.</summary>
    public byte[] CleanShared(string image) => Clean(File.ReadAllBytes(SharedData.ClothingPhoto(image)));

    /// <summary>Decodes a JPEG; the caller disposes the bitmap.</summary>
    public static SKBitmap Decode(byte[] jpeg) =>
        SKBitmap.Decode(jpeg) ?? throw new InvalidDataException("A test JPEG could not be decoded.");

    public void Dispose() => Backbone.Dispose();
}
