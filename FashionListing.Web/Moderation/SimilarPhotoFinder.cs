using System.Diagnostics;
using FashionListing.Inference.Similarity;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Moderation;

/// <summary>
/// Finds, for a moderator reviewing a draft, the other drafts whose photo is near-identical to its photo: a
/// reused or stolen photo, possibly cropped, re-encoded, scaled, slightly turned or mirrored.
/// </summary>
/// <remarks>
/// An exact search: the draft's embedding is compared with every stored embedding of the current version (see
/// docs/benchmarks.md for its time at 1,000 and 10,000 photos). Drafts that share the very photo are listed with
/// similarity 1; the draft itself never is.
/// </remarks>
public sealed partial class SimilarPhotoFinder(
    IDbContextFactory<ListingDbContext> contextFactory,
    PhotoEmbeddingIndex index,
    PhotoStore photos,
    IOptions<ModerationOptions> options,
    ILogger<SimilarPhotoFinder> logger)
{
    /// <summary>
    /// The other drafts whose photo's similarity to the photo of draft <paramref name="draftId"/> is at least
    /// <c>Moderation:DuplicateSimilarity</c>, the most similar first (at most <c>Moderation:MaxSimilarListings</c>).
    /// </summary>
    /// <remarks>
    /// Only moderators may ask. The review page is for them alone, so any other viewer here means a page let
    /// someone through that it should not have: that is an exception rather than an empty list, which would read
    /// as "no reused photo found" and also confirm that the draft exists.
    /// </remarks>
    /// <exception cref="UnauthorizedAccessException">The viewer is not a moderator.</exception>
    public async Task<SimilarListingsResult> FindSimilarListingsAsync(
        Guid draftId,
        ListingViewer viewer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.IsModerator)
        {
            throw new UnauthorizedAccessException("Only moderators can look for drafts with the same photo.");
        }

        ModerationOptions settings = options.Value;
        double threshold = settings.DuplicateSimilarity;
        long started = Stopwatch.GetTimestamp();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        ListingDraft? draft = await context.Drafts.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
        {
            return new SimilarListingsResult(SimilarListingsOutcome.DraftNotFound, [], threshold);
        }

        if (draft.PhotoId is not Guid photoId)
        {
            return new SimilarListingsResult(SimilarListingsOutcome.NoPhoto, [], threshold);
        }

        byte[]? query = await index.FindAsync(photoId, cancellationToken)
            ?? await EmbedNowAsync(photoId, cancellationToken);
        if (query is null)
        {
            return new SimilarListingsResult(SimilarListingsOutcome.PhotoNotIndexed, [], threshold);
        }

        Dictionary<Guid, float> matches = await ScanAsync(context, query, threshold, cancellationToken);
        List<SimilarListing> listings = await DraftsWithAsync(context, matches, draftId, cancellationToken);
        List<SimilarListing> best = [.. listings
            .OrderByDescending(l => l.Similarity)
            .ThenByDescending(l => l.UpdatedUtc)
            .ThenBy(l => l.DraftId)
            .Take(settings.MaxSimilarListings)];
        Log.Searched(logger, draftId, best.Count, threshold, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        return new SimilarListingsResult(SimilarListingsOutcome.Compared, best, threshold);
    }

    // Every stored embedding of the current version against the query, keeping the photos at or above the
    // threshold. The vectors are read in place from the BLOBs, without copying them into arrays.
    private async Task<Dictionary<Guid, float>> ScanAsync(
        ListingDbContext context,
        byte[] query,
        double threshold,
        CancellationToken cancellationToken)
    {
        Dictionary<Guid, float> matches = [];
        int skipped = 0;
        var stored = context.PhotoEmbeddings.AsNoTracking()
            .Where(e => e.Version == index.Version)
            .Select(e => new { e.PhotoId, e.Vector })
            .AsAsyncEnumerable();
        await foreach (var row in stored.WithCancellation(cancellationToken))
        {
            if (row.Vector.Length != query.Length)
            {
                skipped++;
                continue;
            }

            float similarity = EmbeddingVectors.Cosine(
                EmbeddingBlob.ToVector(query), EmbeddingBlob.ToVector(row.Vector));
            if (similarity >= threshold)
            {
                matches[row.PhotoId] = similarity;
            }
        }

        if (skipped > 0)
        {
            Log.WrongLength(logger, skipped, index.Version);
        }

        return matches;
    }

    private static async Task<List<SimilarListing>> DraftsWithAsync(
        ListingDbContext context,
        Dictionary<Guid, float> matches,
        Guid draftId,
        CancellationToken cancellationToken)
    {
        if (matches.Count == 0)
        {
            return [];
        }

        List<Guid> photoIds = [.. matches.Keys];
        var drafts = await context.Drafts.AsNoTracking()
            .Where(d => d.Id != draftId && d.PhotoId != null && photoIds.Contains(d.PhotoId.Value))
            .Select(d => new { d.Id, d.Title, d.OwnerId, d.UpdatedUtc, PhotoId = d.PhotoId!.Value })
            .ToListAsync(cancellationToken);
        List<string> ownerIds = [.. drafts.Select(d => d.OwnerId).OfType<string>().Distinct(StringComparer.Ordinal)];
        Dictionary<string, string?> emails = await context.Users
            .Where(u => ownerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email, StringComparer.Ordinal, cancellationToken);

        return [.. drafts.Select(d => new SimilarListing(
            d.Id,
            d.Title,
            d.OwnerId,
            d.OwnerId is null ? null : emails.GetValueOrDefault(d.OwnerId),
            d.PhotoId,
            d.UpdatedUtc,
            matches[d.PhotoId]))];
    }

    // A photo whose embedding failed at upload is tried once more here, so that the moderator does not wait
    // for the next start when the failure was passing.
    private async Task<byte[]?> EmbedNowAsync(Guid photoId, CancellationToken cancellationToken)
    {
        await using Stream? stream = photos.OpenRead(photoId);
        if (stream is null)
        {
            return null;
        }

        using MemoryStream jpeg = new();
        await stream.CopyToAsync(jpeg, cancellationToken);
        bool stored = await index.TryIndexAsync(photoId, jpeg.ToArray(), cancellationToken);

        return stored ? await index.FindAsync(photoId, cancellationToken) : null;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug,
            "Draft {DraftId}: {Count} other draft(s) with a photo at or above similarity {Threshold} "
            + "in {ElapsedMs:F1} ms")]
        public static partial void Searched(
            ILogger logger, Guid draftId, int count, double threshold, double elapsedMs);

        [LoggerMessage(2, LogLevel.Warning,
            "{Count} stored embedding(s) of version {Version} have another length than the draft's and were not "
            + "compared")]
        public static partial void WrongLength(ILogger logger, int count, string version);
    }
}
