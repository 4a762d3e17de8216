using Microsoft.Extensions.Options;

namespace FashionListing.Web.Listings;

/// <summary>
/// What a page does with a "busy" answer: it counts down <see cref="SuggestionQueueOptions.BusyRetrySeconds"/>
/// where the seller sees it, tries again, and after <see cref="SuggestionQueueOptions.BusyRetries"/> tries gives
/// up with <see cref="StillBusyMessage"/>.
/// </summary>
public sealed class BusyRetry(IOptions<SuggestionQueueOptions> options, TimeProvider time)
{
    public const string StillBusyMessage =
        "Still busy — please try again in a minute. Many sellers are adding photos right now; your photo was "
        + "not stored.";

    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(1);

    private readonly SuggestionQueueOptions _settings = options.Value;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it is not busy or the retries are used up; while it waits it tells
    /// <paramref name="countdown"/> the seconds left each second, and null when the wait is over.
    /// </summary>
    /// <param name="attempt">One try of the upload.</param>
    /// <param name="countdown">Shows the seconds left before the next try (null: no wait is running).</param>
    /// <param name="cancellationToken">Ends the waiting, for example when the seller leaves the page.</param>
    public async Task<PhotoIntakeResult> RunAsync(
        Func<CancellationToken, Task<PhotoIntakeResult>> attempt,
        Action<int?> countdown,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(countdown);

        for (int retry = 0; ; retry++)
        {
            PhotoIntakeResult result = await attempt(cancellationToken);
            if (result is not PhotoIntakeResult.Busy busy)
            {
                return result;
            }

            if (retry >= _settings.BusyRetries)
            {
                return new PhotoIntakeResult.Failed(StillBusyMessage);
            }

            try
            {
                for (int left = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)); left > 0; left--)
                {
                    countdown(left);
                    await Task.Delay(s_tick, time, cancellationToken);
                }
            }
            finally
            {
                countdown(null);
            }
        }
    }
}
