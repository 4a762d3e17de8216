using System.Diagnostics.CodeAnalysis;
using System.Threading.RateLimiting;
using FashionListing.Inference.Pipeline;
using Microsoft.Extensions.Options;

namespace FashionListing.Web.Listings;

/// <summary>
/// Runs photo analyses at most <see cref="SuggestionQueueOptions.MaxConcurrent"/> at a time, lets at most
/// <see cref="SuggestionQueueOptions.MaxWaiting"/> wait (served oldest first) and answers any more "busy" at once,
/// and gives the decoding and the model each a time limit.
/// </summary>
/// <remarks>
/// Waiting work is only a delegate over the upload's bytes: nothing is decoded before a slot is free, so the
/// memory held by waiting work is at most <c>MaxWaiting</c> uploads of at most <c>Photos:MaxUploadBytes</c>.
/// A slot is given back only when the work has really ended, not when its time limit passes: a native call
/// that ignores cancellation keeps its slot, so stuck work can never let more than <c>MaxConcurrent</c>
/// analyses run at once.
/// </remarks>
[SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "It is a queue, and the name matches its settings section, SuggestionQueue.")]
public sealed partial class SuggestionQueue : IDisposable
{
    private readonly ConcurrencyLimiter _slots;
    private readonly SuggestionQueueOptions _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<SuggestionQueue> _logger;

    public SuggestionQueue(
        IOptions<SuggestionQueueOptions> options,
        TimeProvider time,
        ILogger<SuggestionQueue> logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        _settings = options.Value;
        _time = time;
        _logger = logger;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _settings.MaxConcurrent,
            QueueLimit = _settings.MaxWaiting,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Analyses running now (slots taken), for tests and diagnostics.</summary>
    public int Running => _settings.MaxConcurrent - (int)(_slots.GetStatistics()?.CurrentAvailablePermits ?? 0);

    /// <summary>Uploads waiting for a slot now.</summary>
    public int Waiting => (int)(_slots.GetStatistics()?.CurrentQueuedCount ?? 0);

    /// <summary>
    /// Waits for a slot and runs <paramref name="work"/> in it, or answers busy at once when too many are waiting.
    /// </summary>
    /// <param name="work">
    /// The analysis: it reports its stages to the observer it is given and stops at the next stage when the
    /// token it is given is cancelled.
    /// </param>
    /// <param name="cancellationToken">
    /// The seller's token: cancelling it takes waiting work out of the line, or cancels running work.
    /// </param>
    public async Task<QueuedSuggestion> RunAsync(
        Func<ISuggestionStageObserver, CancellationToken, Task<SuggestionOutcome>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);

        RateLimitLease slot = await _slots.AcquireAsync(1, cancellationToken);
        if (!slot.IsAcquired)
        {
            slot.Dispose();
            Log.Busy(_logger, _settings.MaxConcurrent, _settings.MaxWaiting);

            return new QueuedSuggestion.Busy(TimeSpan.FromSeconds(_settings.BusyRetrySeconds));
        }

        var clock = new StageClock(_settings, _time, cancellationToken);
        Task<SuggestionOutcome> running;
        try
        {
            running = work(clock, clock.Token);
        }
        catch (Exception)
        {
            clock.Dispose();
            slot.Dispose();
            throw;
        }

        // The slot and the clock go back when the work ends, however it ends and whether or not anyone still
        // awaits it; reading the exception here keeps an abandoned failure from being reported as unobserved.
        _ = running.ContinueWith(
            static (ended, state) =>
            {
                _ = ended.Exception;
                var (endedSlot, endedClock) = ((RateLimitLease, StageClock))state!;
                endedClock.Dispose();
                endedSlot.Dispose();
            },
            (slot, clock),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        await Task.WhenAny(running, clock.TimedOut).WaitAsync(cancellationToken);
        if (!running.IsCompletedSuccessfully && clock.Expired is SuggestionStage stage)
        {
            // Either the limit passed while the work still runs, or the work ended because of it.
            TimeSpan limit = clock.LimitOf(stage);
            Log.TimedOut(_logger, stage, limit.TotalSeconds);

            return new QueuedSuggestion.TimedOut(stage, limit);
        }

        return new QueuedSuggestion.Completed(await running);
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>
    /// Times the stage that is running and cancels the work when its limit passes; the work's token also ends
    /// with the seller's.
    /// </summary>
    private sealed class StageClock : ISuggestionStageObserver, IDisposable
    {
        private readonly SuggestionQueueOptions _settings;
        private readonly CancellationTokenSource _cancel;
        private readonly ITimer _timer;
        private readonly TaskCompletionSource _timedOut = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private SuggestionStage _stage = SuggestionStage.Decode;
        private SuggestionStage? _expired;
        private bool _disposed;

        public StageClock(SuggestionQueueOptions settings, TimeProvider time, CancellationToken sellerToken)
        {
            _settings = settings;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(sellerToken);
            Token = _cancel.Token;
            _timer = time.CreateTimer(_ => Expire(), null, LimitOf(SuggestionStage.Decode), Timeout.InfiniteTimeSpan);
        }

        public CancellationToken Token { get; }

        public Task TimedOut => _timedOut.Task;

        public SuggestionStage? Expired
        {
            get
            {
                lock (_lock)
                {
                    return _expired;
                }
            }
        }

        public TimeSpan LimitOf(SuggestionStage stage) => TimeSpan.FromSeconds(
            stage == SuggestionStage.Decode ? _settings.DecodeTimeLimitSeconds : _settings.ModelTimeLimitSeconds);

        public void StageStarted(SuggestionStage stage)
        {
            lock (_lock)
            {
                if (_disposed || _expired is not null || stage == _stage)
                {
                    return;
                }

                // Each stage gets its whole limit from the moment it starts.
                _stage = stage;
                _timer.Change(LimitOf(stage), Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
            }

            _timer.Dispose();
            _cancel.Dispose();
        }

        private void Expire()
        {
            lock (_lock)
            {
                if (_disposed || _expired is not null)
                {
                    return;
                }

                _expired = _stage;
                _cancel.Cancel();
            }

            _timedOut.TrySetResult();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning,
            "An upload was answered busy: {MaxConcurrent} analyses are running and {MaxWaiting} are waiting "
            + "(settings SuggestionQueue:MaxConcurrent and SuggestionQueue:MaxWaiting)")]
        public static partial void Busy(ILogger logger, int maxConcurrent, int maxWaiting);

        [LoggerMessage(2, LogLevel.Warning,
            "The {Stage} stage of an analysis passed its time limit of {LimitSeconds} s and was stopped; its slot "
            + "stays taken until the work has really ended")]
        public static partial void TimedOut(ILogger logger, SuggestionStage stage, double limitSeconds);
    }
}

/// <summary>What the queue made of one upload.</summary>
public abstract record QueuedSuggestion
{
    private QueuedSuggestion()
    {
    }

    /// <summary>The work ran to its end with <paramref name="Outcome"/>.</summary>
    public sealed record Completed(SuggestionOutcome Outcome) : QueuedSuggestion;

    /// <summary>Too many uploads were waiting; nothing ran. Try again after <paramref name="RetryAfter"/>.</summary>
    public sealed record Busy(TimeSpan RetryAfter) : QueuedSuggestion;

    /// <summary><paramref name="Stage"/> took longer than <paramref name="Limit"/> and was stopped.</summary>
    public sealed record TimedOut(SuggestionStage Stage, TimeSpan Limit) : QueuedSuggestion;
}
