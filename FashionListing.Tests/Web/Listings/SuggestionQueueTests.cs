using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Listings;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FashionListing.Tests.Web.Listings;

public sealed class SuggestionQueueTests
{
    private static readonly SuggestionOutcome s_done = TestPhotos.TopAndJeans();

    [Fact]
    public async Task RunAsync_SlotsAndWaitingPlacesTaken_AnswersBusyAtOnce()
    {
        using var queue = Queue(new FakeTimeProvider(), maxConcurrent: 1, maxWaiting: 1, busyRetrySeconds: 7);
        var running = new BlockingWork();
        var waiting = new BlockingWork();
        Task<QueuedSuggestion> first = queue.RunAsync(running.RunAsync, CancellationToken.None);
        Task<QueuedSuggestion> second = queue.RunAsync(waiting.RunAsync, CancellationToken.None);

        Task<QueuedSuggestion> third = queue.RunAsync(new BlockingWork().RunAsync, CancellationToken.None);

        Assert.True(third.IsCompleted);
        var busy = Assert.IsType<QueuedSuggestion.Busy>(await third);
        Assert.Equal(TimeSpan.FromSeconds(7), busy.RetryAfter);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        running.Finish(s_done);
        await first;
        waiting.Finish(s_done);
        await second;
    }

    [Fact]
    public async Task RunAsync_SlotFrees_ServesWaitingWorkInOrderOfArrival()
    {
        using var queue = Queue(new FakeTimeProvider(), maxConcurrent: 1, maxWaiting: 3);
        List<int> started = [];
        BlockingWork[] works = [.. Enumerable.Range(0, 4).Select(i => new BlockingWork(() => started.Add(i)))];
        Task<QueuedSuggestion>[] runs = [.. works.Select(w => queue.RunAsync(w.RunAsync, CancellationToken.None))];

        // Waiting work has not started: nothing of its photo has been decoded, only its bytes are held.
        Assert.Equal([0], started);
        Assert.Equal(3, queue.Waiting);
        for (int i = 0; i < works.Length; i++)
        {
            await works[i].Started.WaitAsync(TimeSpan.FromSeconds(10));
            works[i].Finish(s_done);
            Assert.IsType<QueuedSuggestion.Completed>(await runs[i].WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal([0, 1, 2, 3], started);
    }

    [Fact]
    public async Task RunAsync_DecodePassesItsLimit_AnswersTimedOutInDecodeAndCancelsTheWork()
    {
        var time = new FakeTimeProvider();
        using var queue = Queue(time, decodeLimitSeconds: 10);
        var work = new BlockingWork();
        Task<QueuedSuggestion> run = queue.RunAsync(work.RunAsync, CancellationToken.None);
        await work.Started;

        time.Advance(TimeSpan.FromSeconds(9.9));
        bool doneBeforeLimit = run.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(0.1));
        QueuedSuggestion result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(doneBeforeLimit);
        Assert.Equal(new QueuedSuggestion.TimedOut(SuggestionStage.Decode, TimeSpan.FromSeconds(10)), result);
        Assert.True(work.Token.IsCancellationRequested);
        work.Finish(s_done);
    }

    [Fact]
    public async Task RunAsync_ModelPassesItsLimit_GivesTheModelItsWholeLimitFromWhenItStarted()
    {
        var time = new FakeTimeProvider();
        using var queue = Queue(time, decodeLimitSeconds: 10, modelLimitSeconds: 20);
        var work = new BlockingWork();
        Task<QueuedSuggestion> run = queue.RunAsync(work.RunAsync, CancellationToken.None);
        await work.Started;
        time.Advance(TimeSpan.FromSeconds(9));
        work.Stages!.StageStarted(SuggestionStage.Model);

        time.Advance(TimeSpan.FromSeconds(19));
        bool doneBeforeLimit = run.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        QueuedSuggestion result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(doneBeforeLimit);
        Assert.Equal(new QueuedSuggestion.TimedOut(SuggestionStage.Model, TimeSpan.FromSeconds(20)), result);
        work.Finish(s_done);
    }

    [Fact]
    public async Task RunAsync_TimedOutWorkStillRunning_KeepsItsSlotUntilTheWorkEnds()
    {
        var time = new FakeTimeProvider();
        using var queue = Queue(time, maxConcurrent: 1, maxWaiting: 0, decodeLimitSeconds: 10);
        var stuck = new BlockingWork();
        Task<QueuedSuggestion> run = queue.RunAsync(stuck.RunAsync, CancellationToken.None);
        await stuck.Started;
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<QueuedSuggestion.TimedOut>(await run.WaitAsync(TimeSpan.FromSeconds(10)));

        // A busy answer comes at once; a queue that had given the slot back would start this work instead.
        Task<QueuedSuggestion> whileStuck = queue.RunAsync(new BlockingWork().RunAsync, CancellationToken.None);
        bool answeredAtOnce = whileStuck.IsCompleted;
        stuck.Finish(s_done);
        var next = new BlockingWork();
        Task<QueuedSuggestion> afterwards = queue.RunAsync(next.RunAsync, CancellationToken.None);
        next.Finish(s_done);

        Assert.True(answeredAtOnce);
        Assert.IsType<QueuedSuggestion.Busy>(await whileStuck);
        Assert.Equal(new QueuedSuggestion.Completed(s_done), await afterwards.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, queue.Running);
    }

    [Fact]
    public async Task RunAsync_SellerLeavesWhileWaiting_LeavesTheLineWithoutRunningTheWork()
    {
        using var queue = Queue(new FakeTimeProvider(), maxConcurrent: 1, maxWaiting: 1);
        var running = new BlockingWork();
        Task<QueuedSuggestion> first = queue.RunAsync(running.RunAsync, CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var waiting = new BlockingWork();
        Task<QueuedSuggestion> second = queue.RunAsync(waiting.RunAsync, leaving.Token);

        await leaving.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Equal(0, queue.Waiting);
        Assert.False(waiting.Started.IsCompleted);
        running.Finish(s_done);
        await first;
    }

    internal static SuggestionQueue Queue(
        TimeProvider time,
        int maxConcurrent = 2,
        int maxWaiting = 8,
        int decodeLimitSeconds = 10,
        int modelLimitSeconds = 20,
        int busyRetrySeconds = 5) =>
        new(
            Options.Create(new SuggestionQueueOptions
            {
                MaxConcurrent = maxConcurrent,
                MaxWaiting = maxWaiting,
                DecodeTimeLimitSeconds = decodeLimitSeconds,
                ModelTimeLimitSeconds = modelLimitSeconds,
                BusyRetrySeconds = busyRetrySeconds,
            }),
            time,
            NullLogger<SuggestionQueue>.Instance);
}

/// <summary>
/// Work that runs until a test finishes it and ignores cancellation, as a native call in progress would.
/// </summary>
internal sealed class BlockingWork(Action? onStart = null)
{
    // Continuations run inside Finish, so the queue has given the slot back when Finish returns.
    private readonly TaskCompletionSource<SuggestionOutcome> _finish = new();

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public ISuggestionStageObserver? Stages { get; private set; }

    public CancellationToken Token { get; private set; }

    public void Finish(SuggestionOutcome outcome) => _finish.TrySetResult(outcome);

    public Task<SuggestionOutcome> RunAsync(ISuggestionStageObserver stages, CancellationToken cancellationToken)
    {
        Stages = stages;
        Token = cancellationToken;
        onStart?.Invoke();
        _started.TrySetResult();

        return _finish.Task;
    }
}
