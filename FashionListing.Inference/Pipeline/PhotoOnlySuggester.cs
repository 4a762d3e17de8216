using FashionListing.Inference.Imaging;

namespace FashionListing.Inference.Pipeline;

/// <summary>
/// A suggester that runs no model: it checks, cleans and re-encodes photos exactly as the model suggesters do,
/// and suggests nothing. What an app falls back to when its configured model cannot be loaded, so that
/// photos are still accepted and listings can be filled by hand.
/// </summary>
public sealed class PhotoOnlySuggester(PhotoDecoder decoder) : IListingSuggester
{
    /// <summary>Cleans the photo; the result is a <see cref="PhotoAnalysed"/> with no garments.</summary>
    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
        CleanAsync(photo, cancellationToken);

    /// <inheritdoc />
    public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
        Task.Run(() => PhotoCleaning.Clean(decoder, photo), cancellationToken);
}
