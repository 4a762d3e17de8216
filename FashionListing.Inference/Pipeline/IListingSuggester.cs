namespace FashionListing.Inference.Pipeline;

/// <summary>
/// Turns the bytes of an uploaded photo into suggestions for a listing: the cleaned photo to
/// store, and per garment its mask, category, attributes, colours and a seed title.
/// </summary>
/// <remarks>
/// Implementations are singletons shared by every request and must be safe to call concurrently.
/// Expected problems with the photo (not an image, too large, too many pixels) come back as a
/// <see cref="PhotoRejected"/> result, never as an exception.
/// </remarks>
public interface IListingSuggester
{
    /// <summary>Decodes, cleans and analyses one photo.</summary>
    /// <param name="photo">The uploaded file's bytes, exactly as received.</param>
    /// <param name="cancellationToken">Cancels the analysis, for example when the seller leaves.</param>
    Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken);

    /// <summary>
    /// Decodes, cleans and analyses one photo, telling <paramref name="stages"/> when the decoding ends and the
    /// model starts, so that a caller can give each its own time limit.
    /// </summary>
    /// <remarks>
    /// A suggester that does not override this reports no stages, so its whole analysis counts as decoding.
    /// </remarks>
    /// <param name="photo">The uploaded file's bytes, exactly as received.</param>
    /// <param name="stages">Told when each stage starts.</param>
    /// <param name="cancellationToken">Cancels the analysis; checked between stages.</param>
    Task<SuggestionOutcome> SuggestAsync(
        ReadOnlyMemory<byte> photo,
        ISuggestionStageObserver stages,
        CancellationToken cancellationToken) => SuggestAsync(photo, cancellationToken);

    /// <summary>
    /// Decodes and cleans one photo without running any model, for a listing filled by hand: the
    /// result is a <see cref="PhotoAnalysed"/> with no garments, or a <see cref="PhotoRejected"/>.
    /// </summary>
    /// <param name="photo">The uploaded file's bytes, exactly as received.</param>
    /// <param name="cancellationToken">Cancels the work, for example when the seller leaves.</param>
    Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken);
}
