using FashionListing.Inference.Pipeline;

namespace FashionListing.Tests.Web.Support;

/// <summary>Answers every photo with the outcome it was given, or throws the exception it was given.</summary>
public sealed class StubListingSuggester : IListingSuggester
{
    private readonly SuggestionOutcome? _outcome;
    private readonly Exception? _exception;

    public StubListingSuggester(SuggestionOutcome outcome) => _outcome = outcome;

    public StubListingSuggester(Exception exception) => _exception = exception;

    public int Calls { get; private set; }

    public byte[]? LastPhoto { get; private set; }

    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        Calls++;
        LastPhoto = photo.ToArray();
        if (_exception is not null)
        {
            throw _exception;
        }

        return Task.FromResult(_outcome!);
    }
}
