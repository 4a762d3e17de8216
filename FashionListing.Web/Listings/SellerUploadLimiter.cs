using Microsoft.Extensions.Options;

namespace FashionListing.Web.Listings;

/// <summary>
/// Allows each seller at most <see cref="UploadLimitOptions.MaxPerSellerPerMinute"/> uploads in any 60 seconds
/// (a sliding window), keyed by the seller's user id.
/// </summary>
/// <remarks>
/// The limiters of System.Threading.RateLimiting read the system clock and their own timers, which a test
/// cannot move; this one reads <see cref="TimeProvider"/>. It keeps the times of each seller's uploads of the
/// last minute only, and forgets a seller whose last upload is older than that, so its memory stays at most
/// one entry per upload of the last minute.
/// </remarks>
public sealed class SellerUploadLimiter(IOptions<UploadLimitOptions> options, TimeProvider time)
{
    /// <summary>The window the limit counts uploads in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int _limit = options.Value.MaxPerSellerPerMinute;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _uploads = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    /// <summary>The limit, uploads per minute.</summary>
    public int Limit => _limit;

    /// <summary>
    /// Counts an upload for <paramref name="sellerId"/> if the limit allows it; otherwise says when the oldest
    /// upload of the window leaves it, so that the seller can upload again.
    /// </summary>
    /// <param name="sellerId">The seller's user id.</param>
    public UploadPermit TryAcquire(string sellerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sellerId);

        DateTimeOffset now = time.GetUtcNow();
        lock (_lock)
        {
            SweepIdleSellers(now);
            if (!_uploads.TryGetValue(sellerId, out Queue<DateTimeOffset>? recent))
            {
                recent = new Queue<DateTimeOffset>();
                _uploads[sellerId] = recent;
            }

            while (recent.Count > 0 && recent.Peek() <= now - Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= _limit)
            {
                return new UploadPermit(sellerId, null, recent.Peek() + Window - now);
            }

            recent.Enqueue(now);

            return new UploadPermit(sellerId, now, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Gives back an upload that was counted but never reached the model (the server was busy), so that the page's
    /// automatic retries do not use up the seller's allowance.
    /// </summary>
    public void Return(UploadPermit permit)
    {
        ArgumentNullException.ThrowIfNull(permit);

        if (permit.CountedAt is not DateTimeOffset counted)
        {
            return;
        }

        lock (_lock)
        {
            if (_uploads.TryGetValue(permit.SellerId, out Queue<DateTimeOffset>? recent))
            {
                // Times are enqueued in order, so rebuilding without one occurrence keeps the queue sorted.
                List<DateTimeOffset> kept = [.. recent];
                kept.Remove(counted);
                _uploads[permit.SellerId] = new Queue<DateTimeOffset>(kept);
            }
        }
    }

    /// <summary>How many sellers the limiter remembers now, for tests of its memory.</summary>
    public int TrackedSellers
    {
        get
        {
            lock (_lock)
            {
                return _uploads.Count;
            }
        }
    }

    // At most once per window, drops the sellers whose uploads have all left it.
    private void SweepIdleSellers(DateTimeOffset now)
    {
        if (now - _lastSweep < Window)
        {
            return;
        }

        _lastSweep = now;
        foreach (string seller in _uploads.Where(p => p.Value.Count == 0 || p.Value.Last() <= now - Window)
                     .Select(p => p.Key)
                     .ToList())
        {
            _uploads.Remove(seller);
        }
    }
}

/// <summary>The answer of <see cref="SellerUploadLimiter.TryAcquire"/>.</summary>
/// <param name="SellerId">The seller it was asked for.</param>
/// <param name="CountedAt">When the upload was counted; null when it was refused.</param>
/// <param name="RetryAfter">When refused, how long until the seller may upload again.</param>
public sealed record UploadPermit(string SellerId, DateTimeOffset? CountedAt, TimeSpan RetryAfter)
{
    /// <summary>Whether the upload may go ahead.</summary>
    public bool IsAllowed => CountedAt is not null;
}

/// <summary>
/// The uploads one listing has received since it was opened (or, on the sell page, since its last save),
/// against <see cref="UploadLimitOptions.MaxPerListing"/> and <see cref="UploadLimitOptions.MaxBytesPerListing"/>:
/// a page that keeps replacing its photo stops after that. Each page holds its own.
/// </summary>
public sealed class ListingUploadTally
{
    private readonly Lock _lock = new();

    /// <summary>Uploads counted so far.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the uploads counted so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Starts a new listing: nothing counted.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            Count = 0;
            Bytes = 0;
        }
    }

    internal bool TryAdd(long bytes, int maxCount, long maxBytes)
    {
        lock (_lock)
        {
            if (Count >= maxCount || Bytes + bytes > maxBytes)
            {
                return false;
            }

            Count++;
            Bytes += bytes;

            return true;
        }
    }

    internal void Remove(long bytes)
    {
        lock (_lock)
        {
            Count = Math.Max(0, Count - 1);
            Bytes = Math.Max(0, Bytes - bytes);
        }
    }
}
