using FashionListing.Inference.Pipeline;
using FashionListing.Web.Photos;
using Microsoft.EntityFrameworkCore;

namespace FashionListing.Web.Listings;

/// <summary>
/// Runs an uploaded photo through the suggester and stores the cleaned JPEG; the one place where a failure
/// of either becomes a sentence for the seller instead of an exception in the page.
/// </summary>
public sealed partial class PhotoIntake(IListingSuggester suggester, PhotoStore photos, ILogger<PhotoIntake> logger)
{
    public const string AnalysisFailedMessage =
        "Something went wrong while analysing the photo, so nothing was suggested. Please try again, "
        + "or try another photo.";

    public const string StoreFailedMessage = "The photo could not be stored. Please try again.";

    /// <summary>
    /// Checks, cleans and stores an upload as <paramref name="ownerId"/>'s; with <paramref name="suggest"/> the
    /// model analyses it too.
    /// </summary>
    public async Task<PhotoIntakeResult> AcceptAsync(
        byte[] upload,
        bool suggest,
        string ownerId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrEmpty(ownerId);

        SuggestionOutcome outcome;
        try
        {
            outcome = suggest
                ? await suggester.SuggestAsync(upload, cancellationToken)
                : await suggester.CleanAsync(upload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnalysisFailed(logger, upload.Length, ex);
            return new PhotoIntakeResult.Failed(AnalysisFailedMessage);
        }

        if (outcome is PhotoRejected rejected)
        {
            Log.PhotoRejected(logger, rejected.Reason);
            return new PhotoIntakeResult.Failed(rejected.Message);
        }

        var analysed = (PhotoAnalysed)outcome;
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
}
