using FashionListing.Tests.Web.Support;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace FashionListing.Tests.Web.Photos;

public sealed class PhotoEmbeddingBackfillTests
{
    [Fact]
    public async Task RunOnceAsync_PhotosStoredWhileEmbeddingFailed_EmbedsThem()
    {
        TestPhotoEmbedder embedder = new() { Fails = true };
        await using PhotoDataContext context = new(embedder);
        Guid navy = await context.Photos.SaveAsync(Flat(SKColors.Navy), "s1", CancellationToken.None);
        Guid teal = await context.Photos.SaveAsync(Flat(SKColors.Teal), "s1", CancellationToken.None);
        embedder.Fails = false;

        PhotoEmbeddingBackfillSummary summary = await context.Backfill.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new PhotoEmbeddingBackfillSummary(2, 2, 0, 0), summary);
        await using ListingDbContext db = context.CreateDbContext();
        Assert.Equal(
            new[] { navy, teal }.Order(),
            (await db.PhotoEmbeddings.Select(e => e.PhotoId).ToListAsync()).Order());
        Assert.Contains(context.BackfillLog.Entries, e => e.Level == LogLevel.Information
            && e.Message.StartsWith("Embedded 2 of 2 stored photos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_DraftPhotoFromBeforeAccounts_IsEmbeddedToo()
    {
        TestPhotoEmbedder embedder = new();
        await using PhotoDataContext context = new(embedder);
        Guid photoId = Guid.NewGuid();
        Directory.CreateDirectory(context.PhotosFolder);
        await File.WriteAllBytesAsync(
            Path.Combine(context.PhotosFolder, photoId.ToString("D") + ".jpg"), Flat(SKColors.Red));
        await using (ListingDbContext db = context.CreateDbContext())
        {
            // A draft saved before accounts existed: no owner, and no StoredPhotos row for its photo.
            db.Drafts.Add(new ListingDraft { Title = "Old red scarf", PhotoId = photoId, Price = 5m });
            await db.SaveChangesAsync();
        }

        PhotoEmbeddingBackfillSummary summary = await context.Backfill.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new PhotoEmbeddingBackfillSummary(1, 1, 0, 0), summary);
        await using ListingDbContext check = context.CreateDbContext();
        Assert.Equal(photoId, (await check.PhotoEmbeddings.SingleAsync()).PhotoId);
    }

    [Fact]
    public async Task RunOnceAsync_EmbeddingStillFails_CountsItAndLeavesItForTheNextRun()
    {
        TestPhotoEmbedder embedder = new() { Fails = true };
        await using PhotoDataContext context = new(embedder);
        await context.Photos.SaveAsync(PhotoDataContext.FlatJpeg(SKColors.Navy), "s1", CancellationToken.None);

        PhotoEmbeddingBackfillSummary first = await context.Backfill.RunOnceAsync(CancellationToken.None);
        PhotoEmbeddingBackfillSummary second = await context.Backfill.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new PhotoEmbeddingBackfillSummary(1, 0, 1, 0), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task RunOnceAsync_EveryPhotoEmbedded_EmbedsNothing()
    {
        TestPhotoEmbedder embedder = new();
        await using PhotoDataContext context = new(embedder);
        await context.Photos.SaveAsync(PhotoDataContext.FlatJpeg(SKColors.Navy), "s1", CancellationToken.None);

        PhotoEmbeddingBackfillSummary summary = await context.Backfill.RunOnceAsync(CancellationToken.None);

        Assert.Equal(new PhotoEmbeddingBackfillSummary(0, 0, 0, 0), summary);
        Assert.Equal(1, embedder.Calls);
    }

    private static byte[] Flat(SKColor colour) => PhotoDataContext.FlatJpeg(colour);
}
