using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Imaging;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// The product's real photo checks without a model: every upload goes through the real decoder and encoder, so
/// the page shows the decoder's own rejections; a photo that passes gets the first garment of
/// <see cref="TestPhotos.TopAndJeans"/> as its suggestion.
/// </summary>
public sealed class DecodingSuggester : IListingSuggester
{
    private readonly PhotoDecoder _decoder = TestImages.Decoder();

    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        SuggestionOutcome outcome = PhotoCleaning.Clean(_decoder, photo);

        return Task.FromResult(outcome is PhotoAnalysed analysed
            ? analysed with { Garments = [TestPhotos.TopAndJeans().Garments[0]] }
            : outcome);
    }

    public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken) =>
        Task.FromResult(PhotoCleaning.Clean(_decoder, photo));
}
