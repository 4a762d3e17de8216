using FashionListing.Inference.Similarity;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Photos;

/// <summary>
/// Computes and keeps the embedding of each stored photo in the <c>PhotoEmbeddings</c> table, for the duplicate
/// finder. Failing to embed never fails the caller: it is logged as a warning and the backfill at the next start
/// tries again (see <see cref="PhotoEmbeddingBackfill"/>).
/// </summary>
public sealed partial class PhotoEmbeddingIndex(
    IPhotoEmbedder embedder,
    IDbContextFactory<ListingDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<PhotoEmbeddingIndex> logger)
{
    /// <summary>The embedding version this app computes and compares.</summary>
    public string Version => embedder.Version;

    /// <summary>
    /// Embeds the stored JPEG of photo <paramref name="photoId"/> and stores (or replaces) its embedding of the
    /// current version.
    /// </summary>
    /// <returns>Whether the embedding was stored; false after a failure, which has been logged.</returns>
    public async Task<bool> TryIndexAsync(Guid photoId, ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        try
        {
            PhotoEmbedding embedding = await embedder.EmbedAsync(jpeg, cancellationToken);
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            StoredPhotoEmbedding? stored = await context.PhotoEmbeddings
                .SingleOrDefaultAsync(e => e.PhotoId == photoId && e.Version == embedding.Version, cancellationToken);
            if (stored is null)
            {
                stored = new StoredPhotoEmbedding { PhotoId = photoId, Version = embedding.Version };
                context.PhotoEmbeddings.Add(stored);
            }

            stored.Vector = EmbeddingBlob.FromVector(embedding.Vector);
            stored.ComputedUtc = timeProvider.GetUtcNow().UtcDateTime;
            await context.SaveChangesAsync(cancellationToken);

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Whatever went wrong (a photo the embedder cannot read, a model error, a locked database), the photo
            // itself is already stored and must stay usable; only the duplicate check of this photo waits.
            Log.EmbeddingFailed(logger, photoId, Version, ex);

            return false;
        }
    }

    /// <summary>The stored embedding of the photo in the current version, or null when it has none.</summary>
    public async Task<byte[]?> FindAsync(Guid photoId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        return await context.PhotoEmbeddings
            .Where(e => e.PhotoId == photoId && e.Version == Version)
            .Select(e => e.Vector)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "Photo {PhotoId} is stored, but its embedding ({Version}) could not be computed or saved, so the "
            + "duplicate check cannot compare it yet; it is tried again at the next start")]
        public static partial void EmbeddingFailed(ILogger logger, Guid photoId, string version, Exception exception);
    }
}
