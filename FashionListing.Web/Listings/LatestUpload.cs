namespace FashionListing.Web.Listings;

/// <summary>
/// Lets only the newest of overlapping uploads reach a page: starting an upload cancels the one
/// before it, so a slow analysis of an older photo can never replace the photo the seller chose last.
/// </summary>
public sealed class LatestUpload : IDisposable
{
    private CancellationTokenSource? _current;

    /// <summary>Starts an upload, cancelling the previous one; the token also ends with the page.</summary>
    public CancellationToken Begin(CancellationToken pageToken)
    {
        // The older source is cancelled but not disposed: its analysis may still be reading the token.
        _current?.Cancel();
        _current = CancellationTokenSource.CreateLinkedTokenSource(pageToken);

        return _current.Token;
    }

    /// <summary>Whether the upload that got <paramref name="token"/> is still the newest one.</summary>
    public bool IsLatest(CancellationToken token) =>
        _current is not null && _current.Token == token && !token.IsCancellationRequested;

    public void Dispose()
    {
        _current?.Cancel();
        _current?.Dispose();
    }
}
