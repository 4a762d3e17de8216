using FashionListing.Inference.Similarity;
using FashionListing.Tests.Similarity;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FashionListing.Tests.Web.Photos;

public sealed class PhotoEmbeddingIndexTests(BackboneFixture fixture) : IClassFixture<BackboneFixture>
{
    private const string Photo = "00003aeb-ace5-43bf-9a0c-dc31a03e9cd2";

    [Fact]
    public async Task SaveAsync_RealPhoto_StoresTheEmbeddingOfTheStoredJpeg()
    {
        await using PhotoDataContext context = new(fixture.Embedder);
        byte[] jpeg = fixture.CleanShared(Photo);

        Guid photoId = await context.Photos.SaveAsync(jpeg, "seller-1", CancellationToken.None);

        await using ListingDbContext db = context.CreateDbContext();
        StoredPhotoEmbedding stored = await db.PhotoEmbeddings.SingleAsync();
        Assert.Equal(photoId, stored.PhotoId);
        Assert.Equal(PhotoEmbeddingRecipe.Default.Version, stored.Version);
        Assert.Equal(fixture.Embedder.Embed(jpeg).Vector, EmbeddingBlob.ToVector(stored.Vector).ToArray());
    }

    [Fact]
    public async Task SaveAsync_EmbedderFails_KeepsThePhotoAndLogsAWarning()
    {
        TestPhotoEmbedder embedder = new() { Fails = true };
        await using PhotoDataContext context = new(embedder);

        Guid photoId = await context.Photos.SaveAsync(
            PhotoDataContext.FlatJpeg(SKColors.Navy), "seller-1", CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(context.PhotosFolder, photoId.ToString("D") + ".jpg")));
        await using ListingDbContext db = context.CreateDbContext();
        Assert.Equal(photoId, (await db.Photos.SingleAsync()).Id);
        Assert.Equal(0, await db.PhotoEmbeddings.CountAsync());
        Assert.Contains(context.IndexLog.Entries, e => e.Level == LogLevel.Warning
            && e.Message.Contains(photoId.ToString(), StringComparison.Ordinal));
    }
}
