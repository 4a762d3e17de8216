using FashionListing.Inference.Runtime;
using FashionListing.Inference.Similarity;
using FashionListing.Tests.Support;
using SkiaSharp;

namespace FashionListing.Tests.Similarity;

public sealed class PhotoEmbedderTests(BackboneFixture fixture) : IClassFixture<BackboneFixture>
{
    private const string Photo = "00003aeb-ace5-43bf-9a0c-dc31a03e9cd2";

    [Fact]
    public void Embed_SamePhotoTwice_GivesTheSameVector()
    {
        byte[] jpeg = File.ReadAllBytes(SharedData.ClothingPhoto(Photo));

        PhotoEmbedding first = fixture.Embedder.Embed(jpeg);
        PhotoEmbedding second = fixture.Embedder.Embed(jpeg);

        Assert.Equal(first.Vector, second.Vector);
        Assert.Equal(PhotoEmbeddingRecipe.Default.Version, first.Version);
    }

    [Fact]
    public void Embed_RealPhoto_HasUnitLengthAndTheRecipesLength()
    {
        byte[] jpeg = File.ReadAllBytes(SharedData.ClothingPhoto(Photo));

        PhotoEmbedding embedding = fixture.Embedder.Embed(jpeg);

        Assert.Equal(PhotoEmbeddingRecipe.Default.Length, embedding.Vector.Length);
        double length = Math.Sqrt(embedding.Vector.Sum(v => (double)v * v));
        Assert.Equal(1.0, length, 1e-5);
    }

    [Fact]
    public async Task EmbedAsync_ConcurrentCalls_GiveTheSameVectorAsOneCall()
    {
        byte[] jpeg = File.ReadAllBytes(SharedData.ClothingPhoto(Photo));
        float[] alone = fixture.Embedder.Embed(jpeg).Vector;

        PhotoEmbedding[] together = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => fixture.Embedder.EmbedAsync(jpeg, CancellationToken.None)));

        Assert.All(together, e => Assert.Equal(alone, e.Vector));
    }

    [Fact]
    public void Embed_MirrorImage_GivesNearlyTheSameEmbedding()
    {
        using SKBitmap photo = SKBitmap.Decode(SharedData.ClothingPhoto(Photo));
        using SKBitmap mirrored = new(photo.Info);
        using (SKCanvas canvas = new(mirrored))
        {
            canvas.Translate(photo.Width, 0);
            canvas.Scale(-1, 1);
            using SKImage image = SKImage.FromBitmap(photo);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        float[] original = fixture.Embedder.Embed(photo).Vector;
        float[] flipped = fixture.Embedder.Embed(mirrored).Vector;

        // Not exactly 1: at 224x224 the backbone subtracts a per-pixel mean image, which is not symmetric.
        Assert.True(EmbeddingVectors.Cosine(original, flipped) > 0.999f,
            $"cosine of photo and mirror image: {EmbeddingVectors.Cosine(original, flipped)}");
    }

    [Fact]
    public void Embed_BytesThatAreNoPhoto_ThrowsInvalidData()
    {
        byte[] text = "not a photo"u8.ToArray();

        Assert.Throws<InvalidDataException>(() => fixture.Embedder.Embed(text));
    }

    [Fact]
    public void Pool_HandMadeMap_GivesTheNormalisedChannelAverages()
    {
        // Channel 0 holds 1, 2, 3 and 6 (average 3), channel 1 holds 4 everywhere: (3, 4) / 5.
        FeatureMap stage4 = Map(512, 2, 2, (0, [1, 2, 3, 6]), (1, [4, 4, 4, 4]));
        PhotoEmbeddingRecipe recipe = new("test-gap", 224, AverageMirror: false, 0, IncludeStage3: false, false);

        float[] embedding = PhotoEmbedder.Pool(Features(stage4), null, recipe);

        Assert.Equal(0.6f, embedding[0], 1e-6f);
        Assert.Equal(0.8f, embedding[1], 1e-6f);
        Assert.All(embedding.Skip(2), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Pool_SquareRoot_TakesTheRootsOfTheAveragesBeforeNormalising()
    {
        // Averages 9 and 16, roots 3 and 4: (3, 4) / 5.
        FeatureMap stage4 = Map(512, 1, 2, (0, [9, 9]), (1, [10, 22]));
        PhotoEmbeddingRecipe recipe = new("test-sqrt", 224, AverageMirror: false, 0, IncludeStage3: false, true);

        float[] embedding = PhotoEmbedder.Pool(Features(stage4), null, recipe);

        Assert.Equal(0.6f, embedding[0], 1e-6f);
        Assert.Equal(0.8f, embedding[1], 1e-6f);
    }

    [Fact]
    public void Pool_MirrorAveraging_AveragesThePhotoAndItsMirror()
    {
        // Photo: channel 0 averages 2, channel 1 averages 0; mirror: 0 and 4. Mean (1, 2), normalised (1, 2) / sqrt 5.
        FeatureMap view = Map(512, 1, 1, (0, [2]));
        FeatureMap mirror = Map(512, 1, 1, (1, [4]));
        PhotoEmbeddingRecipe recipe = new("test-mirror", 224, AverageMirror: true, 0, IncludeStage3: false, false);

        float[] embedding = PhotoEmbedder.Pool(Features(view), Features(mirror), recipe);

        Assert.Equal(1 / MathF.Sqrt(5), embedding[0], 1e-6f);
        Assert.Equal(2 / MathF.Sqrt(5), embedding[1], 1e-6f);
    }

    [Fact]
    public void Pool_MirrorRecipeWithoutMirroredFeatures_Throws()
    {
        FeatureMap stage4 = Map(512, 1, 1, (0, [1]));

        Assert.Throws<ArgumentException>(
            () => PhotoEmbedder.Pool(Features(stage4), null, PhotoEmbeddingRecipe.Default));
    }

    private static BackboneFeatures Features(FeatureMap stage4) =>
        new([], Map(128, 1, 1), Map(256, 1, 1), stage4);

    private static FeatureMap Map(int channels, int height, int width, params (int Channel, float[] Values)[] filled)
    {
        float[] values = new float[channels * height * width];
        foreach ((int channel, float[] plane) in filled)
        {
            plane.CopyTo(values, channel * height * width);
        }

        return new FeatureMap(channels, height, width, values);
    }
}
