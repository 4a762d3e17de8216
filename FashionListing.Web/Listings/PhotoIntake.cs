using System.Globalization;
using FashionListing.Inference.Pipeline;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Listings;

/// <summary>
/// Checks an upload against the seller's and the listing's upload limits, runs it through the suggestion queue
/// and stores the cleaned JPEG; the one place where a failure of any of these becomes a sentence for the seller
/// instead of an exception in the page.
/// </summary>
public sealed partial class PhotoIntake(
    IListingSuggester suggester,
    PhotoStore photos,
    SuggestionQueue queue,
    SellerUploadLimiter sellerLimiter,
    IOptions<UploadLimitOptions> uploadLimits,
    ILogger<PhotoIntake> logger)
{
    public const string AnalysisFailedMessage =
        "Something went wrong while analysing the photo, so nothing was suggested. Please try again, "
        + "or try another photo.";

    public const string StoreFailedMessage = "The photo could not be stored. Please try again.";

    public const string StoredPhotoMissingMessage =
        "The photo of this card is no longer stored, so its outlines cannot be shown. Upload it again.";

    private readonly UploadLimitOptions _limits = uploadLimits.Value;

    /// <summary>
    /// Checks, cleans and stores an upload as <paramref name="ownerId"/>'s, as the only upload of a listing of
    /// its own; with <paramref name="suggest"/> the model analyses it too.
    /// </summary>
    public Task<PhotoIntakeResult> AcceptAsync(
        byte[] upload,
        bool suggest,
        string ownerId,
        CancellationToken cancellationToken) =>
        AcceptAsync(upload, suggest, ownerId, new ListingUploadTally(), cancellationToken);

    /// <summary>
    /// Checks, cleans and stores an upload as <paramref name="ownerId"/>'s for the listing that
    /// <paramref name="listing"/> counts; with <paramref name="suggest"/> the model analyses it too.
    /// </summary>
    public async Task<PhotoIntakeResult> AcceptAsync(
        byte[] upload,
        bool suggest,
        string ownerId,
        ListingUploadTally listing,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        ArgumentNullException.ThrowIfNull(listing);

        if (!listing.TryAdd(upload.Length, _limits.MaxPerListing, _limits.MaxBytesPerListing))
        {
            Log.ListingLimitReached(logger, listing.Count, listing.Bytes);
            return new PhotoIntakeResult.Failed(ListingLimitMessage(listing, upload.Length));
        }

        (PhotoAnalysed? analysed, PhotoIntakeResult? refused) = await AnalyseInLineAsync(
            upload,
            suggest,
            ownerId,
            () => listing.Remove(upload.Length),
            cancellationToken);
        if (analysed is null)
        {
            return refused!;
        }

        Guid photoId;
        try
        {
            // The overlays are kept beside the photo so that a moderator later sees the masks the seller saw.
            photoId = await photos.SaveAsync(
                analysed.Photo.Jpeg,
                [.. analysed.Garments.Select(g => g.OverlayPng)],
                ownerId,
                cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or DbUpdateException)
        {
            Log.StoreFailed(logger, ex);
            return new PhotoIntakeResult.Failed(StoreFailedMessage);
        }

        Log.PhotoAnalysed(logger, photoId, analysed.Garments.Count, analysed.Timings.TotalMs);

        return new PhotoIntakeResult.Accepted(analysed, photoId);
    }

    /// <summary>
    /// Analyses a photo the seller stored earlier again, to bring back its outlines and chips on a card restored
    /// after a reload; nothing new is stored. It counts against the seller's uploads per minute (a reload costs
    /// a model run) but not against any listing's uploads, and waits in the same line as uploads.
    /// </summary>
    /// <returns>
    /// <see cref="PhotoIntakeResult.Accepted"/> with the same <paramref name="photoId"/>; Failed when the photo is
    /// gone, not the seller's, or cannot be analysed; Busy as for an upload.
    /// </returns>
    public async Task<PhotoIntakeResult> ReanalyseAsync(
        Guid photoId,
        ListingViewer seller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seller);
        if (seller.UserId is not string ownerId || !seller.IsSeller)
        {
            throw new UnauthorizedAccessException("Only a signed-in seller can have a photo analysed.");
        }

        byte[]? stored = await photos.MaySeeAsync(photoId, seller, cancellationToken)
            ? await ReadStoredAsync(photoId, cancellationToken)
            : null;
        if (stored is null)
        {
            return new PhotoIntakeResult.Failed(StoredPhotoMissingMessage);
        }

        (PhotoAnalysed? analysed, PhotoIntakeResult? refused) =
            await AnalyseInLineAsync(stored, suggest: true, ownerId, () => { }, cancellationToken);
        if (analysed is null)
        {
            return refused!;
        }

        Log.PhotoAnalysed(logger, photoId, analysed.Garments.Count, analysed.Timings.TotalMs);

        return new PhotoIntakeResult.Accepted(analysed, photoId);
    }

    // Takes one of the seller's uploads per minute and runs the photo through the suggestion line; every outcome
    // but an analysis becomes the result the page shows. `undoCount` takes back what the caller counted for the
    // photo when nothing ran (the seller's limit was reached, or the line was full), so that the page's automatic
    // retries do not use up limits.
    private async Task<(PhotoAnalysed? Analysed, PhotoIntakeResult? Refused)> AnalyseInLineAsync(
        byte[] photo,
        bool suggest,
        string ownerId,
        Action undoCount,
        CancellationToken cancellationToken)
    {
        UploadPermit permit = sellerLimiter.TryAcquire(ownerId);
        if (!permit.IsAllowed)
        {
            undoCount();
            Log.SellerLimitReached(logger, sellerLimiter.Limit, permit.RetryAfter.TotalSeconds);
            return (null, new PhotoIntakeResult.Failed(SellerLimitMessage(sellerLimiter.Limit, permit.RetryAfter)));
        }

        QueuedSuggestion queued;
        try
        {
            queued = await queue.RunAsync(
                (stages, token) => suggest
                    ? suggester.SuggestAsync(photo, stages, token)
                    : suggester.CleanAsync(photo, token),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnalysisFailed(logger, photo.Length, ex);
            return (null, new PhotoIntakeResult.Failed(AnalysisFailedMessage));
        }

        switch (queued)
        {
            case QueuedSuggestion.Busy busy:
                sellerLimiter.Return(permit);
                undoCount();
                return (null, new PhotoIntakeResult.Busy(busy.RetryAfter));
            case QueuedSuggestion.TimedOut timedOut:
                return (null, new PhotoIntakeResult.Failed(TimedOutMessage(timedOut)));
        }

        SuggestionOutcome outcome = ((QueuedSuggestion.Completed)queued).Outcome;
        if (outcome is PhotoRejected rejected)
        {
            Log.PhotoRejected(logger, rejected.Reason);
            return (null, new PhotoIntakeResult.Failed(rejected.Message));
        }

        return ((PhotoAnalysed)outcome, null);
    }

    private async Task<byte[]?> ReadStoredAsync(Guid photoId, CancellationToken cancellationToken)
    {
        await using Stream? file = photos.OpenRead(photoId);
        if (file is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);

        return buffer.ToArray();
    }

    /// <summary>The sentence for a seller whose photo passed a time limit.</summary>
    public static string TimedOutMessage(QueuedSuggestion.TimedOut timedOut)
    {
        ArgumentNullException.ThrowIfNull(timedOut);

        string seconds = Seconds(timedOut.Limit);
        return timedOut.Stage == SuggestionStage.Decode
            ? $"Reading the photo took longer than {seconds}, so it was stopped. Try a smaller photo, or try "
                + "again in a minute."
            : $"Analysing the photo took longer than {seconds}, so it was stopped and nothing was suggested. "
                + "Try again in a minute, or fill in the card yourself.";
    }

    private string ListingLimitMessage(ListingUploadTally listing, long upload) =>
        listing.Count >= _limits.MaxPerListing
            ? $"This listing has already received {_limits.MaxPerListing} photos, the most one listing may have. "
                + "Save the draft, or reload the page to start a new listing."
            : $"With this photo ({ByteSize.Format(upload)}) the photos uploaded for this listing would add up to "
                + $"{ByteSize.Format(listing.Bytes + upload)}; the limit is "
                + $"{ByteSize.Format(_limits.MaxBytesPerListing)} per listing. Save the draft, or reload the page "
                + "to start a new listing.";

    private static string SellerLimitMessage(int limit, TimeSpan retryAfter) =>
        $"You have uploaded {limit} photos in the last minute, the most allowed. You can upload again in "
        + $"{Seconds(retryAfter)}.";

    // Rounded up, so that a seller who waits the time we name is never refused again.
    private static string Seconds(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))} s");

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Photo {PhotoId} analysed: {GarmentCount} garment(s) in {TotalMs} ms")]
        public static partial void PhotoAnalysed(ILogger logger, Guid photoId, int garmentCount, double totalMs);

        [LoggerMessage(2, LogLevel.Information, "Photo rejected: {Reason}")]
        public static partial void PhotoRejected(ILogger logger, PhotoRejectionReason reason);

        [LoggerMessage(3, LogLevel.Error, "Analysing an upload of {Bytes} bytes failed")]
        public static partial void AnalysisFailed(ILogger logger, int bytes, Exception exception);

        [LoggerMessage(4, LogLevel.Error, "Storing an analysed photo failed")]
        public static partial void StoreFailed(ILogger logger, Exception exception);

        [LoggerMessage(5, LogLevel.Information,
            "An upload was refused: its listing already has {Count} upload(s) of {Bytes} bytes in all")]
        public static partial void ListingLimitReached(ILogger logger, int count, long bytes);

        [LoggerMessage(6, LogLevel.Information,
            "An upload was refused: the seller reached {Limit} uploads a minute; next allowed in {RetrySeconds} s")]
        public static partial void SellerLimitReached(ILogger logger, int limit, double retrySeconds);
    }
}

/// <summary>What became of an upload, as the pages show it.</summary>
public abstract record PhotoIntakeResult
{
    private PhotoIntakeResult()
    {
    }

    /// <summary>The photo was analysed and its cleaned version stored under <paramref name="PhotoId"/>.</summary>
    public sealed record Accepted(PhotoAnalysed Analysed, Guid PhotoId) : PhotoIntakeResult;

    /// <summary>Nothing was stored; <paramref name="Message"/> tells the seller why.</summary>
    public sealed record Failed(string Message) : PhotoIntakeResult;

    /// <summary>
    /// The server was too busy to take the upload; nothing ran and nothing was counted. The page may try again
    /// after <paramref name="RetryAfter"/>.
    /// </summary>
    public sealed record Busy(TimeSpan RetryAfter) : PhotoIntakeResult;
}
