using System.Diagnostics;
using FashionListing.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Photos;

/// <summary>
/// At start, embeds every stored photo that has no embedding of the current version: photos stored before the
/// duplicate finder existed, photos whose embedding failed when they were uploaded, and all photos after the
/// embedding version changes. Runs in the background, so the app serves requests meanwhile.
/// </summary>
public sealed partial class PhotoEmbeddingBackfill(
    PhotoStore photos,
    PhotoEmbeddingIndex index,
    IDbContextFactory<ListingDbContext> contextFactory,
    ILogger<PhotoEmbeddingBackfill> logger) : BackgroundService
{
    /// <summary>Embeds the photos that lack an embedding, one at a time, and logs what it did.</summary>
    public async Task<PhotoEmbeddingBackfillSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        List<Guid> missing = await FindMissingAsync(cancellationToken);
        if (missing.Count == 0)
        {
            Log.NothingMissing(logger, index.Version);

            return new PhotoEmbeddingBackfillSummary(0, 0, 0, 0);
        }

        Log.Started(logger, missing.Count, index.Version);
        int embedded = 0;
        int failed = 0;
        int withoutFile = 0;
        foreach (Guid photoId in missing)
        {
            byte[]? jpeg = await ReadAsync(photoId, cancellationToken);
            if (jpeg is null)
            {
                // A draft can name a photo whose file was removed by hand; there is nothing to embed.
                withoutFile++;
                continue;
            }

            if (await index.TryIndexAsync(photoId, jpeg, cancellationToken))
            {
                embedded++;
            }
            else
            {
                failed++;
            }
        }

        PhotoEmbeddingBackfillSummary summary = new(missing.Count, embedded, failed, withoutFile);
        Log.Finished(logger, embedded, missing.Count, failed, withoutFile,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        return summary;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; the photos left are embedded at the next start.
        }
        catch (Exception ex)
        {
            // A background failure must not stop the host: the app works without the duplicate check.
            Log.BackfillFailed(logger, ex);
        }
    }

    // Photos are known from their owner rows and from drafts; drafts from before accounts name photos that have
    // no owner row.
    private async Task<List<Guid>> FindMissingAsync(CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        List<Guid> stored = await context.Photos.Select(p => p.Id).ToListAsync(cancellationToken);
        List<Guid> inDrafts = await context.Drafts
            .Where(d => d.PhotoId != null)
            .Select(d => d.PhotoId!.Value)
            .ToListAsync(cancellationToken);
        HashSet<Guid> embedded = [.. await context.PhotoEmbeddings
            .Where(e => e.Version == index.Version)
            .Select(e => e.PhotoId)
            .ToListAsync(cancellationToken)];

        return [.. stored.Concat(inDrafts).Distinct().Where(id => !embedded.Contains(id)).Order()];
    }

    private async Task<byte[]?> ReadAsync(Guid photoId, CancellationToken cancellationToken)
    {
        await using Stream? stream = photos.OpenRead(photoId);
        if (stream is null)
        {
            return null;
        }

        using MemoryStream copy = new();
        await stream.CopyToAsync(copy, cancellationToken);

        return copy.ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information,
            "Every stored photo has an embedding ({Version}) for the duplicate check")]
        public static partial void NothingMissing(ILogger logger, string version);

        [LoggerMessage(2, LogLevel.Information,
            "Embedding {Count} stored photos that have no embedding ({Version}) yet, for the duplicate check")]
        public static partial void Started(ILogger logger, int count, string version);

        [LoggerMessage(3, LogLevel.Information,
            "Embedded {Embedded} of {Count} stored photos in {ElapsedMs:F0} ms; {Failed} failed (tried again at the "
            + "next start), {WithoutFile} had no file")]
        public static partial void Finished(
            ILogger logger, int embedded, int count, int failed, int withoutFile, double elapsedMs);

        [LoggerMessage(4, LogLevel.Error, "Embedding the stored photos at start failed; the duplicate check "
            + "cannot compare the photos left until the next start")]
        public static partial void BackfillFailed(ILogger logger, Exception exception);
    }
}

/// <summary>What one backfill run did.</summary>
/// <param name="Missing">Stored photos that had no embedding of the current version.</param>
/// <param name="Embedded">Of those, how many got one.</param>
/// <param name="Failed">How many could not be embedded (each logged as a warning).</param>
/// <param name="WithoutFile">How many had no file in the photos folder.</param>
public sealed record PhotoEmbeddingBackfillSummary(int Missing, int Embedded, int Failed, int WithoutFile);
