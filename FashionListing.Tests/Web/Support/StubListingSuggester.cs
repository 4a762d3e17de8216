using FashionListing.Inference.Pipeline;

namespace FashionListing.Tests.Web.Support;

/// <summary>
/// Answers every photo with the outcome it was given, or throws the exception it was given. Asked only to
/// clean a photo, it answers the same outcome without its garments, as the real suggester does.
/// </summary>
public sealed class StubListingSuggester : IListingSuggester
{
    private SuggestionOutcome? _outcome;
    private readonly Exception? _exception;

    public StubListingSuggester(SuggestionOutcome outcome) => _outcome = outcome;

    public StubListingSuggester(Exception exception) => _exception = exception;

    public int Calls { get; private set; }

    /// <summary>Answers <paramref name="outcome"/> from now on, as a model run again on a stored photo might.</summary>
    public void AnswerFromNowOn(SuggestionOutcome outcome) => _outcome = outcome;

    public int CleanCalls { get; private set; }

    public byte[]? LastPhoto { get; private set; }

    public Task<SuggestionOutcome> SuggestAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        Calls++;

        return Task.FromResult(Answer(photo));
    }

    public Task<SuggestionOutcome> CleanAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        CleanCalls++;
        SuggestionOutcome outcome = Answer(photo);

        return Task.FromResult(outcome is PhotoAnalysed analysed ? analysed with { Garments = [] } : outcome);
    }

    private SuggestionOutcome Answer(ReadOnlyMemory<byte> photo)
    {
        LastPhoto = photo.ToArray();
        if (_exception is not null)
        {
            throw _exception;
        }

        return _outcome!;
    }
}
